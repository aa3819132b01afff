using System.Globalization;
using System.Linq.Expressions;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// One field a list can be sorted on, paged by keyset: <c>(field, id) &gt; (last field, last id)</c>, never OFFSET.
/// Ties on the field are broken by id, so a walk visits every item exactly once.
/// </summary>
internal sealed class SortField<T>
{
    private readonly LambdaExpression _key;
    private readonly Expression<Func<T, string>> _id;
    private readonly Func<string, object> _parse;
    private readonly Func<T, string?> _format;

    private SortField(string name, LambdaExpression key, Expression<Func<T, string>> id, Func<string, object> parse, Func<T, string?> format) =>
        (Name, _key, _id, _parse, _format) = (name, key, id, parse, format);

    public string Name { get; }

    public static SortField<T> Text(string name, Expression<Func<T, string>> key, Expression<Func<T, string>> id) =>
        new(name, key, id, v => v, key.Compile());

    /// <summary>A date key; rows without a date sort after every dated row.</summary>
    public static SortField<T> Date(string name, Expression<Func<T, DateOnly>> key, Expression<Func<T, string>> id)
    {
        var compiled = key.Compile();
        return new(name, key, id, v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r => compiled(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public PageCursor CursorOf(T row, bool descending, Func<T, string> id) =>
        new((descending ? "-" : "") + Name, _format(row), id(row));

    /// <summary>Orders the query and, with a cursor, keeps the rows after it.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, bool descending, PageCursor? after)
    {
        var row = _key.Parameters[0];
        var key = _key.Body;
        var id = new ParameterReplacer(_id.Parameters[0], row).Visit(_id.Body);
        if (after is not null)
        {
            var value = Expression.Constant(_parse(after.Value ?? ""), key.Type);
            var lastId = Expression.Constant(after.Id);
            var beyond = Compare(key, value, descending);
            var tie = Expression.AndAlso(Expression.Equal(key, value), Compare(id, lastId, descending));
            query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, tie), row));
        }

        var orderBy = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(T), key.Type], query.Expression, Expression.Quote(Expression.Lambda(key, row)));
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(orderBy);
        var idLambda = Expression.Lambda<Func<T, string>>(id, row);
        return descending ? ordered.ThenByDescending(idLambda) : ordered.ThenBy(idLambda);
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        if (left.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            var zero = Expression.Constant(0);
            return descending ? Expression.LessThan(compare, zero) : Expression.GreaterThan(compare, zero);
        }

        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The sort fields of one list, parsed from <c>sort=name</c> or <c>sort=-name</c>.</summary>
internal sealed class SortOptions<T>(string defaultSort, Func<T, string> id, params SortField<T>[] fields)
{
    public IReadOnlyList<string> Names { get; } = [.. fields.SelectMany(f => new[] { f.Name, "-" + f.Name })];

    public string Default => defaultSort;

    public bool IsValid(string? sort) => sort is null || Names.Contains(sort);

    public string Describe() => $"One of: {string.Join(", ", Names)}. Default: {defaultSort}. A leading '-' sorts descending; ties are broken by id.";

    public (IQueryable<T> Query, Func<T, PageCursor> CursorOf) Apply(IQueryable<T> query, string? sort, PageCursor? after)
    {
        var name = sort ?? defaultSort;
        var descending = name.StartsWith('-');
        var field = fields.Single(f => f.Name == name.TrimStart('-'));
        return (field.Apply(query, descending, after), row => field.CursorOf(row, descending, id));
    }
}
