using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

/// <summary>A record that points at an entity, as its detail embeds it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Kind">The record's kind: an entity kind (event, agreement…), fact or observation.</param>
/// <param name="Name">Its name; for a fact "subject – predicate – object or value", for an observation its metric and subjects.</param>
/// <param name="Role">The part the entity plays in the record: the group's relation.</param>
/// <param name="Date">The record's date (an event's, an agreement's, a crossing's opening, a fact's, an observation's period), if any.</param>
public sealed record BacklinkResponse(string Id, string Kind, string Name, string Role, FuzzyDateResponse? Date);

/// <summary>The records that point at an entity in one way, in time order (undated last).</summary>
/// <param name="Relation">
/// The part the entity plays in them: participant, party, subject, place, event (agreements signed during it), partOf, country,
/// connects or attribution.
/// </param>
/// <param name="Kind">The kind of the records.</param>
/// <param name="Label">What the group is, in words, e.g. "events it took part in".</param>
/// <param name="Count">How many records there are in all.</param>
/// <param name="Items">The first of them in time order: all when there are at most 20, else the first 20.</param>
/// <param name="More">When `items` holds fewer than `count`: the keyset-paged list of the whole group.</param>
public sealed record BacklinkGroupResponse(
    string Relation, string Kind, string Label, int Count, IReadOnlyList<BacklinkResponse> Items, string? More);

/// <summary>One group of backlinks: how its records point at the entity, their kind, and its heading.</summary>
internal sealed record BacklinkGroup(string Relation, string Kind, string Label);

/// <summary>
/// What points at an entity, from the <c>Backlinks</c> rows the database keeps: on a detail, every group's first
/// <see cref="Embedded"/> with its size, in one command whatever the entity's size (each group a bounded read of its index);
/// a whole group, keyset-paged, at <c>/v1/entities/{id}/backlinks</c>.
/// </summary>
internal static class Backlinks
{
    /// <summary>How many records of each group a detail embeds.</summary>
    public const int Embedded = 20;

    /// <summary>Every way a record can point at an entity, in the order a detail shows them.</summary>
    public static readonly IReadOnlyList<BacklinkGroup> Groups =
    [
        new(BacklinkRelation.Participant, EntityKind.Event, "events it took part in"),
        new(BacklinkRelation.Party, EntityKind.Agreement, "agreements it is party to"),
        new(BacklinkRelation.Subject, "observation", "observations about it"),
        new(BacklinkRelation.Place, EntityKind.Event, "events that happened there"),
        new(BacklinkRelation.Event, EntityKind.Agreement, "agreements signed during it"),
        new(BacklinkRelation.PartOf, EntityKind.Event, "events that are part of it"),
        new(BacklinkRelation.PartOf, EntityKind.Place, "places within it"),
        new(BacklinkRelation.Country, EntityKind.Person, "people of it"),
        new(BacklinkRelation.Country, EntityKind.Place, "places in it"),
        new(BacklinkRelation.Country, EntityKind.Organization, "organisations of it"),
        new(BacklinkRelation.Country, EntityKind.BorderCrossing, "border crossings on its borders"),
        new(BacklinkRelation.Connects, EntityKind.BorderCrossing, "border crossings that connect it"),
        new(BacklinkRelation.Attribution, "fact", "facts attributed to it"),
        new(BacklinkRelation.Attribution, "observation", "observations attributed to it"),
    ];

    public static readonly IReadOnlyList<string> Relations = [.. Groups.Select(g => g.Relation).Distinct()];

    public static readonly IReadOnlyList<string> Kinds = [.. Groups.Select(g => g.Kind).Distinct()];

    public static BacklinkGroup? Group(string relation, string kind) => Groups.FirstOrDefault(g => g.Relation == relation && g.Kind == kind);

    // What a detail shows of rows r (TargetId, Relation, RecordKind, RecordId, DateKey, Count, Name, Date…): the stored name of an
    // entity record, else a fact's or an observation's name as search titles them (its subject, predicate and object or value; its
    // metric and subjects), each looked up only for a row of its kind (a CASE: a LEFT JOIN per kind probed the facts and observations
    // for every row, and its empty concat_ws for a row of the other kind hid every observation's name). An observation's subjects
    // come in id order (the primary key's), not curated order: a sort per observation would not be read from an index.
    private static string Described(SqlDialect sql, string rows) => $"""
        SELECT r."TargetId", r."Relation", r."RecordKind", r."RecordId", r."DateKey", r."Count",
            coalesce(r."Name",
                CASE r."RecordKind"
                    WHEN 'fact' THEN (
                        SELECT concat_ws(' – ', coalesce(fs."Name", f."SubjectId"), coalesce(fp."Label", f."PredicateId"), coalesce(fo."Name", f."Value"))
                        FROM "Facts" AS f
                        LEFT JOIN "Entities" AS fs ON fs."Id" = f."SubjectId"
                        LEFT JOIN "Predicates" AS fp ON fp."Id" = f."PredicateId"
                        LEFT JOIN "Entities" AS fo ON fo."Id" = f."ObjectId"
                        WHERE f."Id" = r."RecordId")
                    WHEN 'observation' THEN (
                        SELECT concat_ws(' – ', upper(substr(o."Metric", 1, 1)) || replace(substr(o."Metric", 2), '-', ' '),
                            (SELECT {sql.Join("coalesce(se.\"Name\", os.\"EntityId\")", "', '", "os.\"EntityId\"")}
                             FROM "ObservationSubjects" AS os LEFT JOIN "Entities" AS se ON se."Id" = os."EntityId"
                             WHERE os."ObservationId" = o."Id"))
                        FROM "Observations" AS o
                        WHERE o."Id" = r."RecordId")
                END,
                r."RecordId") AS "Name",
            r."DateText", r."DateFrom", r."DateTo", r."DatePrecision", r."DateQualifier", r."DateBasis", r."DateNote"
        FROM ({rows}) AS r
        """;

    private const string Stored = """
        b."TargetId", b."Relation", b."RecordKind", b."RecordId", b."DateKey", c."Records" AS "Count", b."Name",
        b."DateText", b."DateFrom", b."DateTo", b."DatePrecision", b."DateQualifier", b."DateBasis", b."DateNote"
        """;

    // For each entity of @ids and each group it has (its counter's row), the group's first rows plus one (to know there are more),
    // in one command for a detail or a page. A group of at most that many rows (all but a hub's) is read whole by its key prefix;
    // a larger one takes its first keys from the table's own order, then those rows by their key, on the same page or two: one
    // bounded read per (entity, group), whatever an entity's size. The IN list of first keys is built in a temporary b-tree per
    // group on SQLite (opened, filled and dropped per execution), which the small groups no longer pay for. Groups a detail does
    // not show (none today) are read and left out by Grouped.
    internal static readonly EngineSql FirstOfEachGroup = EngineSql.Of(sql => Described(sql, $"""
        {GroupRows(sql, $"c.\"Records\" <= {Embedded + 1}")}
        UNION ALL
        {GroupRows(sql, $"c.\"Records\" > {Embedded + 1}")}
            AND (b."DateKey", b."RecordId") IN (SELECT x."DateKey", x."RecordId" FROM "Backlinks" AS x
                WHERE x."TargetId" = t.value AND x."Relation" = c."Relation" AND x."RecordKind" = c."RecordKind"
                ORDER BY x."DateKey", x."RecordId" LIMIT {Embedded + 1})
        """));

    /// <summary>The rows of each group of the entities of @ids whose counter meets <paramref name="size"/>.</summary>
    private static string GroupRows(SqlDialect sql, string size) => $"""
        SELECT {Stored}
        FROM {sql.Each("@ids", "t")}
        CROSS JOIN "BacklinkCounts" AS c
        CROSS JOIN "Backlinks" AS b
        WHERE c."TargetId" = t.value AND {size}
            AND b."TargetId" = t.value AND b."Relation" = c."Relation" AND b."RecordKind" = c."RecordKind"
        """;

    // Rows of one group already read (a page): what a detail shows of them, each row looked up by its record's id from the page's ids
    // (written as a CROSS JOIN, which SQLite keeps in order: given the choice, it read a hub's whole group, 34 ms).
    private static readonly EngineSql RowsOfOneGroup = EngineSql.Of(sql => Described(sql, $"""
        SELECT {Stored}
        FROM {sql.Each("@ids", "i")} CROSS JOIN "Backlinks" AS b CROSS JOIN "BacklinkCounts" AS c
        WHERE b."RecordId" = i.value AND b."Relation" = @relation AND b."TargetId" = @id AND b."RecordKind" = @kind
            AND c."TargetId" = @id AND c."Relation" = @relation AND c."RecordKind" = @kind
        """));

    /// <summary>
    /// Every group with records pointing at each of <paramref name="ids"/> (a page), each with its first <see cref="Embedded"/>, by
    /// entity id (every id present, with no groups when nothing points at it): one command.
    /// </summary>
    public static async Task<Dictionary<string, IReadOnlyList<BacklinkGroupResponse>>> OfAsync(
        Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        return Grouped(ids, await RawSql.ReadAsync(db, FirstOfEachGroup, [IdsParameter(db, ids)], Read, ct));
    }

    /// <summary><see cref="FirstOfEachGroup"/>'s parameter: the entities whose backlinks it reads.</summary>
    public static DbParameter IdsParameter(Q7x2Db db, IEnumerable<string> ids) => RawSql.List(db, "@ids", ids);

    /// <summary>The rows of <see cref="FirstOfEachGroup"/> for <paramref name="ids"/>, as each entity's groups in the order a detail shows them.</summary>
    public static Dictionary<string, IReadOnlyList<BacklinkGroupResponse>> Grouped(IReadOnlyCollection<string> ids, List<BacklinkRow> rows)
    {
        var byEntity = new Dictionary<string, IReadOnlyList<BacklinkGroupResponse>>(StringComparer.Ordinal);
        var byGroup = rows.ToLookup(r => (r.TargetId, r.Relation, r.RecordKind));
        foreach (var id in ids)
        {
            var groups = new List<BacklinkGroupResponse>();
            foreach (var group in Groups)
            {
                var items = byGroup[(id, group.Relation, group.Kind)].OrderBy(r => r.DateKey).ThenBy(r => r.RecordId, StringComparer.Ordinal).ToList();
                if (items.Count == 0)
                {
                    continue;
                }

                var count = Math.Max(items[0].Count, items.Count);
                var shown = items.Take(Embedded).Select(ToResponse).ToList();
                groups.Add(new BacklinkGroupResponse(group.Relation, group.Kind, group.Label, count, shown,
                    count > shown.Count ? MoreUrl(id, group) : null));
            }

            byEntity[id] = groups;
        }

        return byEntity;
    }

    /// <summary>The list of a whole group.</summary>
    public static string MoreUrl(string id, BacklinkGroup group) =>
        $"/v1/entities/{Uri.EscapeDataString(id)}/backlinks?relation={group.Relation}&kind={group.Kind}";

    public static readonly SortOptions<Backlink> ByDate = new("date", SortField<Backlink>.Date("date", b => b.DateKey, b => b.RecordId));

    /// <summary>A page of one group of <paramref name="id"/>'s backlinks in time order: the rows, then their names and dates.</summary>
    public static async Task<Page<BacklinkResponse>> PageAsync(
        Q7x2Db db, string id, BacklinkGroup group, IPageQuery page, HttpContext http, CancellationToken ct)
    {
        var rows = await db.Backlinks.AsNoTracking()
            .Where(b => b.TargetId == id && b.Relation == group.Relation && b.RecordKind == group.Kind)
            .PageAsync(ByDate, null, page, http, ct);
        DbParameter[] parameters =
        [
            RawSql.Parameter(db, "@id", id), RawSql.Parameter(db, "@relation", group.Relation), RawSql.Parameter(db, "@kind", group.Kind),
            RawSql.List(db, "@ids", rows.Items.Select(r => r.RecordId)),
        ];
        var described = (await RawSql.ReadAsync(db, RowsOfOneGroup, parameters, Read, ct)).ToDictionary(r => r.RecordId, StringComparer.Ordinal);
        return rows.Map(r => ToResponse(described[r.RecordId]));
    }

    private static BacklinkResponse ToResponse(BacklinkRow r) => new(r.RecordId, r.RecordKind, r.Name, r.Relation, r.Date);

    /// <summary>A row of the SQL above, by column position (read straight from SQLite: EF's raw-SQL pipeline cost more than the query).</summary>
    internal static BacklinkRow Read(DbDataReader r) => new()
    {
        TargetId = r.GetString(0), Relation = r.GetString(1), RecordKind = r.GetString(2), RecordId = r.GetString(3),
        DateKey = FuzzyDateResponse.IsoDate(r, 4), Count = r.GetInt32(5), Name = r.GetString(6), Date = FuzzyDateResponse.Read(r, 7),
    };

    /// <summary>A row of the SQL above.</summary>
    internal sealed class BacklinkRow
    {
        public required string TargetId { get; init; }

        public required string Relation { get; init; }

        public required string RecordKind { get; init; }

        public required string RecordId { get; init; }

        public DateOnly DateKey { get; init; }

        public int Count { get; init; }

        public required string Name { get; init; }

        public FuzzyDateResponse? Date { get; init; }
    }
}

/// <summary>Query parameters of <c>GET /v1/entities/{id}/backlinks</c>.</summary>
public sealed record BacklinksQuery : ICsvListQuery
{
    /// <summary>The part the entity plays in the records: participant, party, subject, place, event, partOf, country, connects or attribution.</summary>
    [Description("The part the entity plays in the records: `participant`, `party`, `subject`, `place`, `event`, `partOf`, `country`, `connects` or `attribution`.")]
    [Required]
    public string? Relation { get; init; }

    /// <summary>The kind of the records: an entity kind, fact or observation.</summary>
    [Description("The kind of the records: `event`, `agreement`, `observation`, `place`, `person`, `organization`, `border-crossing` or `fact`.")]
    [Required]
    public string? Kind { get; init; }

    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }

    /// <inheritdoc cref="ICsvListQuery.Format"/>
    [Description(ICsvListQuery.FormatDescription)]
    public string? Format { get; init; }

    ICsvListQuery ICsvListQuery.Page(string? cursor) => this with { Cursor = cursor, Limit = IPageQuery.MaxLimit, Count = null };
}

internal sealed class BacklinksQueryValidator : PageQueryValidator<BacklinksQuery>
{
    public BacklinksQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Relation).NotEmpty().OneOf(Backlinks.Relations);
        RuleFor(q => q.Kind).NotEmpty().OneOf(Backlinks.Kinds);
        RuleFor(q => q.Kind).Must((q, kind) => Backlinks.Group(q.Relation!, kind!) is not null)
            .When(q => Backlinks.Relations.Contains(q.Relation) && Backlinks.Kinds.Contains(q.Kind))
            .WithMessage(q => $"No {q.Kind} points at an entity as '{q.Relation}'. The groups: "
                + string.Join(", ", Backlinks.Groups.Select(g => $"{g.Relation}/{g.Kind}")) + ".");
        Sorts(Backlinks.ByDate, _ => null);
    }
}
