using System.Globalization;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The prefix of every read cache key: the data version (<see cref="Q7x2.Data.Entities.DataVersion"/>, which every change
/// moves in its own transaction) this process last read. A request takes the prefix before it reads any data, so an entry
/// stored under version K shows K or a later version, never an earlier one; a process looks up only the entries of the
/// version it knows, so a write's own process, having read the version its commit made, never serves what was read before
/// it. Processes that share a store (Redis) and know the same version share its entries, whichever of them filled them.
/// <para>
/// The known version only moves forward: a read that began before a later one and ends after it changes nothing. After a
/// change whose version is unknown (a write that failed after it may have committed) the prefix is this process's own
/// (<see cref="Detach"/>), shared with no one, until a version read that began after the detachment: no entry stored before
/// is looked up again.
/// </para>
/// </summary>
internal sealed class CacheGeneration
{
    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly Lock _lock = new();
    private long _version = -1;
    private long _detachments;

    /// <summary>Detached until the first version is read (at start-up, before the server takes requests).</summary>
    public CacheGeneration() => Prefix = Own();

    public string Prefix { get; private set; }

    /// <summary>Reads the data version through <paramref name="read"/> and moves the prefix to it; returns what was read.</summary>
    public async Task<long> FollowAsync(Func<CancellationToken, Task<long>> read, CancellationToken ct)
    {
        long ticket;
        lock (_lock)
        {
            ticket = _detachments;
        }

        var version = await read(ct);
        lock (_lock)
        {
            if (ticket == _detachments)
            {
                _version = Math.Max(_version, version);
                Prefix = _version.ToString(CultureInfo.InvariantCulture);
            }
        }

        return version;
    }

    /// <summary>Moves the prefix to one of this process's own, until <see cref="FollowAsync"/> reads the version again.</summary>
    public void Detach()
    {
        lock (_lock)
        {
            _detachments++;
            Prefix = Own();
        }
    }

    private string Own() => string.Create(CultureInfo.InvariantCulture, $"{_process}.{_detachments}");
}
