using System.Net;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Claims;

/// <summary>A claim's status is computed from the records as they stand when it is read, not stored with the claim.</summary>
public sealed class ClaimRecomputationTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ChangedRecordsChangeTheStatusAndAGoneRecordMakesTheClaimUnverifiable()
    {
        // The 2024 figure ten times larger: 6,350,000 / 4,051,000 = 1.57, far from "15 times".
        await using (var db = factory.CreateDb())
        {
            await db.Observations.Where(o => o.Id == "kyrgyz-tajik-trade-jan-may-2024").ExecuteUpdateAsync(s => s.SetProperty(o => o.Value, 4051000m));
        }

        var ratio = await (await _client.GetAsync("/v1/claims/kyrgyz-tajik-trade-15-times-more")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("inconsistent", ratio.GetProperty("status").GetString());
        Assert.Equal(1.57m, ratio.GetProperty("computed").GetProperty("min").GetDecimal());
        var inconsistent = await (await _client.GetAsync("/v1/claims?status=inconsistent")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["kyrgyz-tajik-trade-15-times-more"], inconsistent.Ids());

        // The June 2021 meeting moved to a known day in December 2021: about 7.4 to 7.7 months after late April, not "nearly two".
        await using (var db = factory.CreateDb())
        {
            var meeting = await db.Entities.SingleAsync(e => e.Id == "japarov-rahmon-meeting-2021");
            meeting.Date!.From = new DateOnly(2021, 12, 10);
            meeting.Date.To = new DateOnly(2021, 12, 10);
            await db.SaveChangesAsync();
        }

        var months = await (await _client.GetAsync("/v1/claims/june-2021-trip-nearly-two-months-after-outbreak")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("inconsistent", months.GetProperty("status").GetString());
        Assert.Equal((7.36m, 7.66m), (months.GetProperty("computed").GetProperty("min").GetDecimal(), months.GetProperty("computed").GetProperty("max").GetDecimal()));

        // A record the claim counts is gone: the claim cannot be checked, and says which record is missing.
        await using (var db = factory.CreateDb())
        {
            // Foreign keys off for this connection (PostgreSQL checks them by triggers, which a replica's session role skips).
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(Q7x2ApiFactory.OnPostgres ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF");
            await db.Entities.Where(e => e.Id == "kyrgyz-tajik-border-clashes-2022").ExecuteDeleteAsync();
        }

        var count = await (await _client.GetAsync("/v1/claims/kyrgyz-tajik-clashes-only-two-since-independence")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("unverifiable", count.GetProperty("status").GetString());
        Assert.Equal("Unverifiable: 'kyrgyz-tajik-border-clashes-2022' (counted) no longer exists.", count.GetProperty("explanation").GetString());
        var gone = count.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "kyrgyz-tajik-border-clashes-2022");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gone.GetProperty("kind").ValueKind);
    }
}
