using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Hands a seed's records to another sink on a thread of its own, in the order they came, so that reading and checking the
/// next records (JSON, quotes) goes on while the database writes the last ones. Records travel in batches through a
/// bounded queue: memory holds a few thousand records at most. <see cref="Complete"/> waits until the inner sink has taken
/// everything and rethrows what it threw; once it has thrown, the next record handed here throws it too (reading stops).
/// Disposing without completing (the reader threw) stops the thread and waits for it, so the caller's transaction is only
/// rolled back once nothing uses its connection any more.
/// </summary>
internal sealed class SeedPipeline : ISeedSink, IDisposable
{
    private const int BatchSize = 512;

    private readonly ISeedSink _inner;
    private readonly BlockingCollection<List<Action<ISeedSink>>> _queue = new(boundedCapacity: 16);
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private List<Action<ISeedSink>> _batch = new(BatchSize);
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    public SeedPipeline(ISeedSink inner)
    {
        _inner = inner;
        _thread = new Thread(Drain) { IsBackground = true, Name = "Seed writer" };
        _thread.Start();
    }

    public void Sources(IReadOnlyList<Source> sources, IReadOnlyList<CoverageNote> notes) => Add(sink => sink.Sources(sources, notes));

    public void Predicates(IReadOnlyList<Predicate> predicates) => Add(sink => sink.Predicates(predicates));

    public void Entities(IReadOnlyList<SeedLocated<Entity>> entities) => Add(sink => sink.Entities(entities));

    public void Fact(Fact fact, int index) => Add(sink => sink.Fact(fact, index));

    public void Observation(Observation observation, int index) => Add(sink => sink.Observation(observation, index));

    public void Claims(IReadOnlyList<ClaimQualifier> qualifiers, IReadOnlyList<Claim> claims) => Add(sink => sink.Claims(qualifiers, claims));

    /// <summary>Waits until the inner sink has taken every record handed here; rethrows what it threw.</summary>
    public void Complete()
    {
        Flush();
        _queue.CompleteAdding();
        _thread.Join();
        _completed = true;
        _failure?.Throw();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _stop.Cancel();
            _queue.CompleteAdding();
            _thread.Join();
        }

        _queue.Dispose();
        _stop.Dispose();
    }

    private void Add(Action<ISeedSink> record)
    {
        _failure?.Throw();
        _batch.Add(record);
        if (_batch.Count == BatchSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        try
        {
            _queue.Add(_batch, _stop.Token);
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            // The writer stopped taking records: it failed.
        }

        _failure?.Throw();
        _batch = new List<Action<ISeedSink>>(BatchSize);
    }

    private void Drain()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable(_stop.Token))
            {
                foreach (var record in batch)
                {
                    record(_inner);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The reader failed and disposed the pipeline: nothing more is written.
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            _queue.CompleteAdding();
        }
    }
}
