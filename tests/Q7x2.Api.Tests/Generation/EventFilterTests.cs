using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// The event filters (a country, a participant, a place) read an entity's events from the relations the database keeps; on a
/// corpus of many sources they give exactly the events the filters' own definitions select, written here as SQL over the
/// events, their places and their participants, in the timeline's date order and under the events list's sorts.
/// </summary>
public sealed class EventFilterTests(GeneratedCorpusQueryPlanTests.Corpus corpus) : IClassFixture<GeneratedCorpusQueryPlanTests.Corpus>
{
    private const string Country = """
        (e."PlaceId" = @id OR EXISTS (SELECT 1 FROM "Entities" AS p WHERE p."Id" = e."PlaceId" AND p."CountryId" = @id)
            OR EXISTS (SELECT 1 FROM "EntityLinks" AS l WHERE l."EntityId" = e."Id" AND l."Role" = 'participant' AND l."TargetId" = @id))
        """;

    private const string Participant = """
        EXISTS (SELECT 1 FROM "EntityLinks" AS l WHERE l."EntityId" = e."Id" AND l."Role" = 'participant' AND l."TargetId" = @id)
        """;

    private const string Place = """
        (e."PlaceId" = @id OR EXISTS (SELECT 1 FROM "Entities" AS p WHERE p."Id" = e."PlaceId" AND p."PartOfId" = @id))
        """;

    private static readonly Dictionary<string, string> Definitions = new() { ["country"] = Country, ["participant"] = Participant, ["place"] = Place };

    [Theory]
    [InlineData("country")]
    [InlineData("person")]
    public async Task ATimelinesEventsAreTheEventsItsFilterDefines(string filter)
    {
        var definition = filter == "country" ? Country : Participant;
        var kind = filter == "country" ? "country" : "person";
        var id = Rarest(kind, definition);
        var expected = Events($"""e."DateFrom" IS NOT NULL AND {definition}""", "e.\"DateKey\", e.\"Id\"", id);

        using var client = corpus.CreateClient();
        var timeline = await client.WalkAsync($"/v1/timeline?{filter}={id}&limit=7");
        var events = timeline.Where(i => i.GetProperty("type").GetString() == "event").Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.InRange(expected.Count, 8, 1000);
        Assert.Equal(expected, events);
    }

    [Theory]
    [InlineData("country", "country", "id")]
    [InlineData("country", "country", "-date")]
    [InlineData("participant", "person", "id")]
    [InlineData("participant", "person", "date")]
    [InlineData("place", "place", "-id")]
    public async Task AnEventsListFilterGivesTheEventsItsDefinitionSelects(string filter, string kind, string sort)
    {
        var id = Rarest(kind, Definitions[filter]);
        var order = sort switch
        {
            "id" => "e.\"Id\"",
            "-id" => "e.\"Id\" DESC",
            "date" => "e.\"DateKey\", e.\"Id\"",
            _ => "e.\"DateKey\" DESC, e.\"Id\" DESC",
        };
        var expected = Events(Definitions[filter], order, id);

        using var client = corpus.CreateClient();
        var listed = (await client.WalkAsync($"/v1/events?{filter}={id}&sort={sort}&limit=3")).Select(e => e.GetProperty("id").GetString()!).ToList();

        Assert.InRange(expected.Count, 8, 1000);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public void TheDerivedRowsAreWhatTheyDeriveFromAfterAFirstLoad()
    {
        using var connection = corpus.OpenConnection();
        DerivedRows.AssertKept(connection);
    }

    /// <summary>
    /// The entity of the kind with the fewest events under the definition, but at least eight: a walk of all events finds few,
    /// and pages of three (seven on the timeline, which also holds facts) cross at least one cursor.
    /// </summary>
    private string Rarest(string kind, string definition)
    {
        using var connection = corpus.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT x."Id" FROM "Entities" AS x
            WHERE x."Kind" = @kind AND (SELECT count(*) FROM "Entities" AS e WHERE e."Kind" = 'event' AND e."DateFrom" IS NOT NULL AND {definition.Replace("@id", "x.\"Id\"", StringComparison.Ordinal)}) >= 8
            ORDER BY (SELECT count(*) FROM "Entities" AS e WHERE e."Kind" = 'event' AND {definition.Replace("@id", "x.\"Id\"", StringComparison.Ordinal)}), x."Id"
            LIMIT 1
            """;
        command.Parameters.Add(Oracle.Parameter(command, "@kind", kind));
        return (string)command.ExecuteScalar()!;
    }

    private List<string> Events(string where, string order, string id)
    {
        using var connection = corpus.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT e."Id" FROM "Entities" AS e WHERE e."Kind" = 'event' AND {where} ORDER BY {order}""";
        command.Parameters.Add(Oracle.Parameter(command, "@id", id));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

}
