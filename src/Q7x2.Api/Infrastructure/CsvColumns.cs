using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The columns of a list's CSV, worked out once per item type from its JSON contract, so that a column is named after the JSON
/// member it holds: a scalar member is a column (<c>id</c>, <c>name</c>); a nested object gives one column per member, dotted
/// (<c>subject.id</c>, <c>subject.name</c>, <c>date.from</c>); a list gives one column per member of its items, their values
/// joined with <see cref="Separator"/> in item order, so that the n-th values of <c>participants.id</c> and
/// <c>participants.name</c> belong to the same item. Lists inside list items, and the members a response leaves out when
/// null (what <c>embed</c> adds), are not columns. The header is the same whatever the data: an empty cell is a null.
/// </summary>
internal sealed class CsvColumns
{
    public const string Separator = "; ";

    private readonly JsonSerializerOptions _options;

    private CsvColumns(JsonSerializerOptions options, List<Column> columns) => (_options, Columns) = (options, columns);

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The members that have columns (a nested one's columns are dotted under it), in column order: what <c>fields</c> may name.</summary>
    public IReadOnlyList<string> Members => [.. Columns.Select(c => c.Name.Split('.')[0]).Distinct()];

    /// <summary>The columns of these members only (<c>fields</c>), in the record's order.</summary>
    public CsvColumns Of(IReadOnlyCollection<string> members) =>
        new(_options, [.. Columns.Where(c => members.Contains(c.Name.Split('.')[0]))]);

    public static CsvColumns For(Type type, JsonSerializerOptions options)
    {
        var columns = new List<Column>();
        Add(columns, options, options.GetTypeInfo(type), "", item => [item], inList: false);
        return new CsvColumns(options, columns);
    }

    /// <summary>One cell per column for <paramref name="item"/>.</summary>
    public IEnumerable<string> Cells(object item) =>
        Columns.Select(c => c.InList ? string.Join(Separator, c.Values(item).Select(Text)) : Text(c.Values(item).SingleOrDefault()));

    /// <summary>A value as its cell: as JSON writes it, without quotes for a string (ISO dates, invariant numbers).</summary>
    private string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), _options),
    };

    private static void Add(
        List<Column> columns, JsonSerializerOptions options, JsonTypeInfo type, string prefix, Func<object, IEnumerable<object?>> parents, bool inList)
    {
        foreach (var property in type.Properties.Where(p => p.Get is not null && p.ShouldSerialize is null))
        {
            var get = property.Get!;
            var name = prefix + property.Name;
            var member = options.GetTypeInfo(property.PropertyType);
            IEnumerable<object?> Values(object item) => parents(item).Select(parent => parent is null ? null : get(parent));
            switch (member.Kind)
            {
                case JsonTypeInfoKind.Object:
                    Add(columns, options, member, name + ".", Values, inList);
                    break;
                case JsonTypeInfoKind.Enumerable when !inList:
                    var element = options.GetTypeInfo(member.ElementType!);
                    IEnumerable<object?> Items(object item) => parents(item).SelectMany(parent =>
                        parent is not null && get(parent) is IEnumerable list ? list.Cast<object?>() : []);
                    if (element.Kind == JsonTypeInfoKind.Object)
                    {
                        Add(columns, options, element, name + ".", Items, inList: true);
                    }
                    else if (element.Kind == JsonTypeInfoKind.None)
                    {
                        columns.Add(new Column(name, Items, InList: true));
                    }

                    break;
                case JsonTypeInfoKind.None:
                    columns.Add(new Column(name, Values, inList));
                    break;
            }
        }
    }

    /// <summary>A column: its header and the values of an item it holds (one, or one per list item).</summary>
    public sealed record Column(string Name, Func<object, IEnumerable<object?>> Values, bool InList);
}
