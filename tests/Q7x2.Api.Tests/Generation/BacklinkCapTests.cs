using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// On a corpus of many sources, a hub entity's detail caps each large group of backlinks at 20 with the group's true size and a
/// link whose pages hold exactly the group, in time order: each group as written here from the records themselves, in SQL.
/// </summary>
public sealed class BacklinkCapTests(GeneratedCorpusQueryPlanTests.Corpus corpus) : IClassFixture<GeneratedCorpusQueryPlanTests.Corpus>
{
    private static readonly Dictionary<string, string> Definitions = new()
    {
        ["participant/event"] = """
            SELECT l."TargetId" AS "Target", e."Id" AS "Id", e."DateKey" AS "Key"
            FROM "EntityLinks" AS l JOIN "Entities" AS e ON e."Id" = l."EntityId" WHERE l."Role" = 'participant'
            """,
        ["subject/observation"] = """
            SELECT s."EntityId" AS "Target", o."Id" AS "Id", o."PeriodKey" AS "Key"
            FROM "ObservationSubjects" AS s JOIN "Observations" AS o ON o."Id" = s."ObservationId"
            """,
        ["place/event"] = """SELECT e."PlaceId" AS "Target", e."Id" AS "Id", e."DateKey" AS "Key" FROM "Entities" AS e WHERE e."PlaceId" IS NOT NULL""",
    };

    [Theory]
    [InlineData("participant/event")]
    [InlineData("subject/observation")]
    [InlineData("place/event")]
    public async Task AHubsLargeGroupIsCappedWithItsCountAndALinkToAllOfIt(string group)
    {
        var (hub, expected) = Largest(Definitions[group]);
        using var client = corpus.CreateClient();

        var detail = await (await client.GetAsync($"/v1/entities/{hub}")).ReadJsonAsync(HttpStatusCode.OK);
        var (relation, kind) = (group.Split('/')[0], group.Split('/')[1]);
        var embedded = Assert.Single(detail.GetProperty("backlinks").EnumerateArray(),
            g => g.GetProperty("relation").GetString() == relation && g.GetProperty("kind").GetString() == kind);

        Assert.InRange(expected.Count, 21, 100_000);
        Assert.Equal(expected.Count, embedded.GetProperty("count").GetInt32());
        Assert.Equal(expected.Take(20), embedded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        var more = embedded.GetProperty("more").GetString()!;
        Assert.Equal(expected, (await client.WalkAsync($"{more}&limit=7")).Select(i => i.GetProperty("id").GetString()!));
        Assert.All(detail.GetProperty("backlinks").EnumerateArray(), g =>
            Assert.Equal(Math.Min(20, g.GetProperty("count").GetInt32()), g.GetProperty("items").GetArrayLength()));
    }

    /// <summary>The target with the most records under the definition, and those records in time order.</summary>
    private (string Target, List<string> Ids) Largest(string definition)
    {
        using var connection = corpus.OpenConnection();
        using var top = connection.CreateCommand();
        top.CommandText = $"""SELECT "Target" FROM ({definition}) AS d GROUP BY "Target" ORDER BY count(DISTINCT "Id") DESC, "Target" LIMIT 1""";
        var target = (string)top.ExecuteScalar()!;
        using var rows = connection.CreateCommand();
        rows.CommandText = $"""SELECT DISTINCT "Id", "Key" FROM ({definition}) AS d WHERE "Target" = @target ORDER BY "Key", "Id" """;
        rows.Parameters.Add(Oracle.Parameter(rows, "@target", target));
        using var reader = rows.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return (target, ids);
    }
}
