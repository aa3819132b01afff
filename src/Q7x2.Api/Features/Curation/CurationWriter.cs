using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// Every write, for every resource: inside the <see cref="WriteGate"/>, check the precondition, validate the curated
/// shape (all errors at once), then in one transaction replace the record, record the revision and refresh search.
/// </summary>
internal sealed class CurationWriter(Q7x2Db db, WriteGate gate, ISearchIndex search, ETags etags)
{
    public async Task<Results<Created<TResponse>, ProblemHttpResult>> CreateAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, HttpContext http, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        var (body, problem) = await RequestBody.ReadAsync(http.Request, RequestBody.Json, ct);
        if (body is null)
        {
            return problem!;
        }

        using var _ = await gate.EnterAsync(ct);
        var (seed, invalid) = await ValidateAsync(store, body, null, null, ct);
        if (seed is null)
        {
            return invalid!;
        }

        var id = store.IdOf(seed);
        if (await store.IdTakenAsync(db, id, ct))
        {
            return Conflict($"The id '{id}' is already taken; change the existing record with PUT or PATCH /v1/{store.Resource}/{id}.");
        }

        var response = await SaveAsync(store, http, id, null, seed, ct);
        return TypedResults.Created($"/v1/{store.Resource}/{id}", response);
    }

    public async Task<Results<Ok<TResponse>, ProblemHttpResult>> ReplaceAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, string id, HttpContext http, bool patch, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        var (body, problem) = await RequestBody.ReadAsync(http.Request, patch ? RequestBody.MergePatch : RequestBody.Json, ct);
        if (body is null)
        {
            return problem!;
        }

        using var _ = await gate.EnterAsync(ct);
        if (await PreconditionAsync(store, id, http, ct) is { } failed)
        {
            return failed;
        }

        var before = await store.LoadAsync(db, id, ct);
        if (before is null)
        {
            return ProblemSetup.NotFound(store.What, id);
        }

        if (patch)
        {
            body = (JsonObject)RequestBody.Merge(JsonSerializer.SerializeToNode(before, RequestBody.Options), body)!;
        }

        var (seed, invalid) = await ValidateAsync(store, body, id, before, ct);
        if (seed is null)
        {
            return invalid!;
        }

        return TypedResults.Ok(await SaveAsync(store, http, id, before, seed, ct));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, string id, HttpContext http, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        using var _ = await gate.EnterAsync(ct);
        if (await PreconditionAsync(store, id, http, ct) is { } failed)
        {
            return failed;
        }

        var before = await store.LoadAsync(db, id, ct);
        if (before is null)
        {
            return ProblemSetup.NotFound(store.What, id);
        }

        var references = await store.ReferencedByAsync(db, id, ct);
        if (references.Count > 0)
        {
            var conflict = Conflict($"The {store.What} '{id}' is still referenced by {references.Count} record(s); change or delete them first.");
            conflict.ProblemDetails.Extensions["referencedBy"] = references;
            return conflict;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await store.DeleteAsync(db, id, ct);
        db.Revisions.Add(Revision(store.Resource, id, RevisionOperation.Delete, http, before, null));
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync(db, store.SearchIds(id), ct);
        await DataVersion.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return TypedResults.NoContent();
    }

    /// <summary>404 for a missing record, 428 without <c>If-Match</c>, 412 when it is not the resource's current ETag.</summary>
    private async Task<ProblemHttpResult?> PreconditionAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, string id, HttpContext http, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        if (await store.DetailAsync(db, id, ct) is not { } representation)
        {
            return ProblemSetup.NotFound(store.What, id);
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition Required",
                detail: $"Send If-Match with the ETag of GET /v1/{store.Resource}/{id}, so that no one else's change is overwritten.");
        }

        return ETags.Matches(ifMatch, etags.OfRepresentation(representation)) ? null : TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition Failed", detail: $"The {store.What} '{id}' has changed since that ETag; GET it again and reapply the change.");
    }

    private async Task<(TSeed? Seed, ProblemHttpResult? Problem)> ValidateAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, JsonObject body, string? urlId, TSeed? before, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        var (parsed, problem) = RequestBody.Deserialize<TSeed>(body);
        if (parsed is null)
        {
            return (null, problem ?? RequestBody.Invalid(new() { ["$"] = ["The body must be a JSON object."] }));
        }

        var seed = store.Normalize(parsed);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string reason)
        {
            var key = RequestBody.Key(path);
            (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(reason);
        }

        foreach (var (path, reason) in RequestBody.MissingValues(typeof(TSeed), body))
        {
            Add(path, reason);
        }

        foreach (var failure in (await store.Validator.ValidateAsync(seed, ct)).Errors)
        {
            Add(failure.PropertyName, failure.ErrorMessage);
        }

        if (urlId is not null && store.IdOf(seed) != urlId)
        {
            Add("id", $"'{store.IdOf(seed)}' is not the id in the URL ('{urlId}'); ids cannot change.");
        }

        if (errors.Count == 0)
        {
            await store.BuildAsync(db, seed, Add, ct);
            if (await store.ConflictAsync(db, before, seed, ct) is { } conflict)
            {
                Add(conflict.Path, conflict.Reason);
            }
        }

        return errors.Count == 0 ? (seed, null) : (null, RequestBody.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray())));
    }

    private async Task<TResponse> SaveAsync<TSeed, TResponse>(
        CuratedStore<TSeed, TResponse> store, HttpContext http, string id, TSeed? before, TSeed after, CancellationToken ct)
        where TSeed : class
        where TResponse : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The old row and the new one swap within the transaction; the records that point at it are checked at commit.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
        var record = await store.BuildAsync(db, after, (_, _) => { }, ct);
        SetOrigin(record);
        if (before is not null)
        {
            await store.DeleteAsync(db, id, ct);
        }

        db.Add(record);
        db.Revisions.Add(Revision(store.Resource, id, before is null ? RevisionOperation.Create : RevisionOperation.Update, http, before, after));
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync(db, store.SearchIds(id), ct);
        await DataVersion.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();

        var response = (await store.DetailAsync(db, id, ct))!;
        http.Response.Headers.ETag = etags.OfRepresentation(response);
        return response;
    }

    private static void SetOrigin(object record)
    {
        switch (record)
        {
            case Entity e: e.Origin = RecordOrigin.Curator; break;
            case Fact f: f.Origin = RecordOrigin.Curator; break;
            case Observation o: o.Origin = RecordOrigin.Curator; break;
            case Source s: s.Origin = RecordOrigin.Curator; break;
            default: throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a curated record");
        }
    }

    private static Revision Revision(string resource, string id, string operation, HttpContext http, object? before, object? after) => new()
    {
        Resource = resource, ResourceId = id, Operation = operation, Actor = ApiKeys.Actor(http), At = DateTime.UtcNow,
        Before = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), RequestBody.Options),
        After = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), RequestBody.Options),
    };

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
