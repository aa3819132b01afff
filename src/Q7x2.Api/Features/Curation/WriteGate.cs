namespace Q7x2.Api.Features.Curation;

/// <summary>
/// Queues this process's writers, for throughput only: correctness lives in the database (each write's checks and changes
/// run in one transaction that holds the write lock, see <see cref="Q7x2.Data.WriteTransactions"/>), so several processes may
/// share it. SQLite has one writer, and Microsoft.Data.Sqlite waits for a busy database with synchronous sleeps; queueing the
/// writers of one process here keeps those waits off the thread pool, and <c>busy_timeout</c> covers the other processes.
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
