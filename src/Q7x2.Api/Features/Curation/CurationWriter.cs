using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// Every write, for every resource. The body is read, validated and built into its database record first — quotes located,
/// all errors reported at once — without any lock. Then one transaction that holds the database's write lock from its first
/// statement checks the precondition (404, 428, 412) and the id, replaces the record, records the revision and refreshes
/// search: the check and the write are atomic across every process that shares the database.
/// </summary>
internal sealed class CurationWriter(Q7x2Db db, WriteGate gate, ISearchIndex search, ETags etags)
{
    public async Task<Results<Created<TResponse>, ProblemHttpResult>> CreateAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, HttpContext http, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        var (body, problem) = await RequestBody.ReadAsync(http.Request, RequestBody.Json, ct);
        if (body is null)
        {
            return problem!;
        }

        var (built, invalid) = await BuildAsync(store, body, null, ct);
        if (built is null)
        {
            return invalid!;
        }

        var id = store.IdOf(built.Input);
        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.BeginWriteAsync(ct);
        if (await store.IdTakenAsync(db, id, ct))
        {
            return Conflict($"The id '{id}' is already taken; change the existing record with PUT or PATCH /v1/{store.Resource}/{id}.");
        }

        if (await RecheckAsync(store, built, null, ct) is { } changed)
        {
            return changed;
        }

        await SaveAsync(store, http, id, null, built, ct);
        await CommitAsync(transaction, http, ct);
        return TypedResults.Created($"/v1/{store.Resource}/{id}", await RespondAsync(store, http, id));
    }

    public async Task<Results<Ok<TResponse>, ProblemHttpResult>> ReplaceAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, string id, HttpContext http, bool patch, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        var (body, problem) = await RequestBody.ReadAsync(http.Request, patch ? RequestBody.MergePatch : RequestBody.Json, ct);
        if (body is null)
        {
            return problem!;
        }

        // Checked now so that a stale write fails fast, and checked again under the write lock, where it counts: the
        // record the body was merged with and checked against is still the one the client's ETag names.
        if (await PreconditionAsync(store, id, http, ct) is { } stale)
        {
            return stale;
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

        var (built, invalid) = await BuildAsync(store, body, id, ct);
        if (built is null)
        {
            return invalid!;
        }

        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.BeginWriteAsync(ct);
        if (await PreconditionAsync(store, id, http, ct) is { } failed)
        {
            return failed;
        }

        if (await RecheckAsync(store, built, before, ct) is { } changed)
        {
            return changed;
        }

        await SaveAsync(store, http, id, before, built, ct);
        await CommitAsync(transaction, http, ct);
        return TypedResults.Ok(await RespondAsync(store, http, id));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, string id, HttpContext http, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        using var _ = await gate.EnterAsync(ct);
        await using var transaction = await db.BeginWriteAsync(ct);
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

        await store.DeleteAsync(db, id, ct);
        db.Revisions.Add(Revision(store.Resource, id, RevisionOperation.Delete, http, before, null));
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync(db, store.SearchIds(id), ct);
        await DataVersion.BumpAsync(db, ct);
        await CommitAsync(transaction, http, ct);
        db.ChangeTracker.Clear();
        return TypedResults.NoContent();
    }

    /// <summary>A validated body, the database state it was checked against, and the record built from it (once).</summary>
    private sealed record Built<TInput>(TInput Input, DbSeedLookup Lookup, ICuratedRecord Record);

    /// <summary>
    /// 404 for a missing record, 428 without <c>If-Match</c>, 412 when it is neither the current ETag of the resource's GET nor that of
    /// its own representation (an entity's <c>embed=evidence</c>: all a write replaces, which changes only when the record itself does).
    /// </summary>
    private async Task<ProblemHttpResult?> PreconditionAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, string id, HttpContext http, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        // The record's own representation first: it is what curators send, and it is cheap (an entity without its facts and
        // backlinks); the full one, with what other records make of it, only when that tag does not match.
        var own = await store.OwnDetailAsync(db, id, ct);
        var full = own is null ? await store.DetailAsync(db, id, ct) : null;
        if (own is null && full is null)
        {
            return ProblemSetup.NotFound(store.What, id);
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition Required",
                detail: $"Send If-Match with the ETag of GET /v1/{store.Resource}/{id}, so that no one else's change is overwritten.");
        }

        if (own is not null && ETags.Matches(ifMatch, etags.OfRepresentation(own)))
        {
            return null;
        }

        full ??= await store.DetailAsync(db, id, ct);
        if (full is not null && ETags.Matches(ifMatch, etags.OfRepresentation(full)))
        {
            return null;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
            detail: $"The {store.What} '{id}' has changed since that ETag; GET it again (with embed=evidence for the ETag of the record alone) and reapply the change.");
    }

    /// <summary>Reads the body into the resource's input, checks every rule (all errors at once) and builds the record.</summary>
    private async Task<(Built<TInput>? Built, ProblemHttpResult? Problem)> BuildAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, JsonObject body, string? urlId, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        var (parsed, problem) = RequestBody.Deserialize<TInput>(body);
        if (parsed is null)
        {
            return (null, problem ?? RequestBody.Invalid(new() { ["$"] = ["The body must be a JSON object."] }));
        }

        var input = store.Normalize(parsed);
        var errors = new Errors();
        foreach (var (path, reason) in store.Required.MissingIn(body))
        {
            errors.Add(path, reason);
        }

        foreach (var (path, reason) in await store.ValidateAsync(input, ct))
        {
            errors.Add(path, reason);
        }

        if (urlId is not null && store.IdOf(input) != urlId)
        {
            errors.Add("id", $"'{store.IdOf(input)}' is not the id in the URL ('{urlId}'); ids cannot change.");
        }

        if (errors.Any)
        {
            return (null, errors.Problem());
        }

        var lookup = await store.LookupAsync(db, input, ct);
        var record = store.Build(lookup, input, errors.Add);
        return errors.Any ? (null, errors.Problem()) : (new Built<TInput>(input, lookup, record), null);
    }

    /// <summary>
    /// Under the write lock: the records the body references and the texts it quotes are still what it was built against
    /// (else 409: send it again), and the store's own conflicts (a quoted source's text may not change) still hold.
    /// </summary>
    private async Task<ProblemHttpResult?> RecheckAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, Built<TInput> built, TInput? before, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        if (!(await store.LookupAsync(db, built.Input, ct)).SameAs(built.Lookup))
        {
            return Conflict("Records this one references or quotes changed while it was being checked; send the request again.");
        }

        if (await store.ConflictAsync(db, before, built.Input, ct) is { } conflict)
        {
            var errors = new Errors();
            errors.Add(conflict.Path, conflict.Reason);
            return errors.Problem();
        }

        return null;
    }

    private async Task<ICuratedRecord> SaveAsync<TInput, TResponse>(
        CuratedStore<TInput, TResponse> store, HttpContext http, string id, TInput? before, Built<TInput> built, CancellationToken ct)
        where TInput : class
        where TResponse : class
    {
        // The old row and the new one swap within the transaction; the records that point at it are checked at commit.
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres() ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON", ct);
        built.Record.Origin = RecordOrigin.Curator;
        if (before is not null)
        {
            await store.DeleteAsync(db, id, ct);
        }

        db.Add(built.Record);

        // The record's rows first, its revision after: the history dates the rows with the position the revision then takes.
        await db.SaveChangesAsync(ct);
        db.Revisions.Add(Revision(store.Resource, id, before is null ? RevisionOperation.Create : RevisionOperation.Update, http, before, built.Input));
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync(db, store.SearchIds(id), ct);
        await DataVersion.BumpAsync(db, ct);
        return built.Record;
    }

    /// <summary>
    /// Commits with the request timeout off, and not cancellable: a write that commits is answered as done, not with the
    /// timeout's 503 ("nothing it started is left running"), which would make the client take it for one that failed. A timeout
    /// that fired before this point (or a client gone) still stops the write uncommitted.
    /// </summary>
    private static async Task CommitAsync(IDbContextTransaction transaction, HttpContext http, CancellationToken ct)
    {
        http.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
        ct.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>The record as its GET renders it, with its new ETag: after the commit, so not cancellable (see <see cref="CommitAsync"/>).</summary>
    private async Task<TResponse> RespondAsync<TInput, TResponse>(CuratedStore<TInput, TResponse> store, HttpContext http, string id)
        where TInput : class
        where TResponse : class
    {
        db.ChangeTracker.Clear();
        var response = (await store.DetailAsync(db, id, CancellationToken.None))!;
        http.Response.Headers.ETag = etags.OfRepresentation(response);
        return response;
    }

    private static Revision Revision<TInput>(string resource, string id, string operation, HttpContext http, TInput? before, TInput? after)
        where TInput : class => new()
    {
        Resource = resource, ResourceId = id, Operation = operation, Actor = ApiKeys.Actor(http), At = DateTime.UtcNow,
        Before = before is null ? null : JsonSerializer.Serialize(before, RequestBody.Options),
        After = after is null ? null : JsonSerializer.Serialize(after, RequestBody.Options),
    };

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Validation errors by camelCase JSON path, in the order found.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

        public bool Any => _byKey.Count > 0;

        public void Add(string path, string reason)
        {
            var key = RequestBody.Key(path);
            (_byKey.TryGetValue(key, out var list) ? list : _byKey[key] = []).Add(reason);
        }

        public ProblemHttpResult Problem() => RequestBody.Invalid(_byKey.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
