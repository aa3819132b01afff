using System.Threading.RateLimiting;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// A fixed-window limiter for one client's budget that can say how much is left and when the window ends, which the
/// <c>RateLimit</c> header reports on every response (the built-in <see cref="FixedWindowRateLimiter"/> does not expose when
/// its window resets). A window starts with the first request after the previous one ended. No queue: a request over budget is refused.
/// </summary>
internal sealed class WindowLimiter(int permits, TimeSpan window, TimeProvider time, Action<WindowLimiter> disposed) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _start = time.GetTimestamp();
    private int _used;

    public int Permits => permits;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return _used == 0 ? time.GetElapsedTime(_start) : null;
            }
        }
    }

    /// <summary>Permits left in the current window, and the time until it ends.</summary>
    public (int Remaining, TimeSpan Reset) State
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return (permits - _used, window - time.GetElapsedTime(_start));
            }
        }
    }

    public override RateLimiterStatistics GetStatistics() => new() { CurrentAvailablePermits = State.Remaining };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Roll();
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Acquired;
            }

            return new Lease(false, window - time.GetElapsedTime(_start));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            disposed(this);
        }

        base.Dispose(disposing);
    }

    private void Roll()
    {
        if (time.GetElapsedTime(_start) >= window)
        {
            _start = time.GetTimestamp();
            _used = 0;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
