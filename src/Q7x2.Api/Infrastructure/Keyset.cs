using System.Linq.Expressions;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// One field a list can be sorted on, paged by keyset: <c>(field, id) &gt; (last field, last id)</c>, never OFFSET.
/// Ties on the field are broken by id, so a walk visits every item exactly once.
/// </summary>
internal abstract class SortField<T>
{
    private protected SortField(string name) => Name = name;

    public string Name { get; }

    public static SortField<T> Text(string name, Expression<Func<T, string>> key, Expression<Func<T, string>> id) =>
        new KeyField<string>(name, key, id, v => PageCursor.IsText(v) ? v : null, v => v);

    /// <summary>A date key; rows without a date sort after every dated row.</summary>
    public static SortField<T> Date(string name, Expression<Func<T, DateOnly>> key, Expression<Func<T, string>> id) =>
        new KeyField<DateOnly>(name, key, id, v => QueryRules.ParseDate(v) is { } d ? d : null, d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Whether a cursor's value is one this field's type can hold and its id is text.</summary>
    public abstract bool Accepts(PageCursor cursor);

    public abstract PageCursor CursorOf(T row, bool descending);

    /// <summary>Orders the query and, with a cursor, keeps the rows after it. The cursor's values reach SQL as parameters.</summary>
    public abstract IQueryable<T> Apply(IQueryable<T> query, bool descending, PageCursor? after);

    private sealed class KeyField<TKey>(
        string name, Expression<Func<T, TKey>> key, Expression<Func<T, string>> id, Func<string?, object?> parse, Func<TKey, string> format)
        : SortField<T>(name)
    {
        private readonly Func<T, TKey> _key = key.Compile();
        private readonly Func<T, string> _id = id.Compile();
        private readonly Expression<Func<T, string>> _idOnKeyRow = Expression.Lambda<Func<T, string>>(
            new ParameterReplacer(id.Parameters[0], key.Parameters[0]).Visit(id.Body), key.Parameters[0]);

        public override bool Accepts(PageCursor cursor) => parse(cursor.Value) is not null && cursor.HasItemId();

        public override PageCursor CursorOf(T row, bool descending) => new((descending ? "-" : "") + Name, format(_key(row)), _id(row));

        public override IQueryable<T> Apply(IQueryable<T> query, bool descending, PageCursor? after)
        {
            if (after is not null)
            {
                var value = parse(after.Value) ?? throw new InvalidOperationException("The validator lets through only cursors the sort field accepts.");
                query = query.Where(After((TKey)value, after.Id, descending));
            }

            var ordered = descending ? query.OrderByDescending(key) : query.OrderBy(key);
            return descending ? ordered.ThenByDescending(_idOnKeyRow) : ordered.ThenBy(_idOnKeyRow);
        }

        /// <summary><c>key &gt; last || (key == last &amp;&amp; id &gt; lastId)</c> (&lt; when descending), with the values as SQL parameters.</summary>
        private Expression<Func<T, bool>> After(TKey last, string lastIdValue, bool descending)
        {
            var row = key.Parameters[0];
            var value = QueryParameters.Of(last);
            var lastId = QueryParameters.Of(lastIdValue);
            var beyond = Compare(key.Body, value, descending);
            var tie = Expression.AndAlso(Expression.Equal(key.Body, value), Compare(_idOnKeyRow.Body, lastId, descending));
            return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, tie), row);
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
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The sort fields of one list, parsed from <c>sort=name</c> or <c>sort=-name</c>.</summary>
internal sealed class SortOptions<T>(string defaultSort, params SortField<T>[] fields)
{
    public IReadOnlyList<string> Names { get; } = [.. fields.SelectMany(f => new[] { f.Name, "-" + f.Name })];

    public string Default => defaultSort;

    public bool IsValid(string? sort) => sort is null || Names.Contains(sort);

    /// <summary>Whether a cursor of this list's sort holds a value its field can read.</summary>
    public bool Accepts(PageCursor cursor) => Field(cursor.Sort) is { } field && field.Accepts(cursor);

    public string Describe() => $"One of: {string.Join(", ", Names)}. Default: {defaultSort}. A leading '-' sorts descending; ties are broken by id.";

    public (IQueryable<T> Query, Func<T, PageCursor> CursorOf) Apply(IQueryable<T> query, string? sort, PageCursor? after)
    {
        var name = sort ?? defaultSort;
        var descending = name.StartsWith('-');
        var field = Field(name)!;
        return (field.Apply(query, descending, after), row => field.CursorOf(row, descending));
    }

    private SortField<T>? Field(string sort) => fields.SingleOrDefault(f => f.Name == sort.TrimStart('-'));
}
