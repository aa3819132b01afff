namespace Q7x2.Api.Features.Curation;

/// <summary>
/// SQLite has one writer. Every API write holds this gate for its whole read-check-write transaction, so the
/// <c>If-Match</c> check and the write are atomic and concurrent curators queue instead of meeting "database is locked".
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Exit(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
