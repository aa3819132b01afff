using Microsoft.EntityFrameworkCore;

namespace Q7x2.Data.Entities;

/// <summary>
/// The one row that moves with every committed change of the data: every API write and every seeding run bumps it
/// inside its own transaction. Processes that cache reads poll it to learn that another process changed the data.
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;

    /// <summary>The tag (an SQL comment) of the polling read, so that tools counting a request's commands can tell it apart.</summary>
    public const string PollTag = "data-version poll";

    public int Id { get; set; }

    public long Value { get; set; }

    /// <summary>Moves the version on; call it inside the transaction that changes the data, so both commit together.</summary>
    public static Task BumpAsync(Q7x2Db db, CancellationToken ct) =>
        db.DataVersions.Where(v => v.Id == RowId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);

    /// <summary>
    /// The dataset version clients see (<c>Dataset-Version</c>, the citation's version): the latest change-feed position, 0
    /// before any change. <paramref name="poll"/> tags the read as a poll.
    /// </summary>
    public static async Task<long> PositionAsync(Q7x2Db db, CancellationToken ct, bool poll = false) =>
        await (poll ? db.Revisions.AsNoTracking().TagWith(PollTag) : db.Revisions.AsNoTracking()).MaxAsync(r => (long?)r.Id, ct) ?? 0;

    /// <summary>The committed version.</summary>
    public static Task<long> ReadAsync(Q7x2Db db, CancellationToken ct) =>
        db.DataVersions.AsNoTracking().TagWith(PollTag).Where(v => v.Id == RowId).Select(v => v.Value).FirstOrDefaultAsync(ct);
}
