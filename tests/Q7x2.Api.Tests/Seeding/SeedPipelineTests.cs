using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>The seeder's reader and writer on two threads: order kept, a writer's failure stops the reader, and the reverse.</summary>
public sealed class SeedPipelineTests
{
    private static Fact Fact(int i) => new() { Id = $"fact-{i}", SubjectId = "s", PredicateId = "p", Value = "v", Modality = "stated" };

    [Fact]
    public void EveryRecordReachesTheSinkInOrderOnAnotherThread()
    {
        var sink = new Recording();
        using (var pipeline = new SeedPipeline(sink))
        {
            pipeline.Sources([], []);
            for (var i = 0; i < 5000; i++)
            {
                pipeline.Fact(Fact(i), i);
            }

            pipeline.Observation(new Observation { Id = "o", Metric = "m", Value = 1m, Unit = "USD", Comparator = "eq", Modality = "stated" }, 0);
            pipeline.Complete();
        }

        Assert.Equal(["sources", .. Enumerable.Range(0, 5000).Select(i => $"fact-{i}@{i}"), "o@0"], sink.Seen);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, sink.Threads);
    }

    [Fact]
    public void AWritersFailureIsThrownToTheReaderAndStopsTheReading()
    {
        var sink = new Recording { FailAt = 1000 };
        using var pipeline = new SeedPipeline(sink);
        var handed = 0;
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            for (; handed < 1_000_000; handed++)
            {
                pipeline.Fact(Fact(handed), handed);
            }

            pipeline.Complete();
        });

        Assert.Equal("write 1000 failed", error.Message);
        Assert.Equal(1000, sink.Seen.Count);
        Assert.True(handed < 1_000_000, "the reader went on after the writer failed");
    }

    [Fact]
    public void AReadersFailureStopsTheWriterBeforeDisposeReturns()
    {
        var sink = new Recording { Delay = TimeSpan.FromMilliseconds(1) };
        var pipeline = new SeedPipeline(sink);
        for (var i = 0; i < 3000; i++)
        {
            pipeline.Fact(Fact(i), i);
        }

        // The reader fails here (no Complete): disposing stops the writer once its batch in hand (512 records) is done,
        // though 2,560 records are queued, and nothing reaches the sink afterwards.
        pipeline.Dispose();
        var taken = sink.Seen.Count;
        Thread.Sleep(50);
        Assert.Equal(taken, sink.Seen.Count);
        Assert.True(taken <= 1024, $"the writer took {taken} records after the reader failed");
    }

    private sealed class Recording : ISeedSink
    {
        public List<string> Seen { get; } = [];
        public HashSet<int> Threads { get; } = [];
        public int FailAt { get; init; } = -1;
        public TimeSpan Delay { get; init; }

        public void Sources(IReadOnlyList<Source> sources, IReadOnlyList<CoverageNote> notes) => Take("sources");

        public void Predicates(IReadOnlyList<Predicate> predicates) => Take("predicates");

        public void Entities(IReadOnlyList<SeedLocated<Entity>> entities) => Take("entities");

        public void Fact(Fact fact, int index) => Take($"{fact.Id}@{index}");

        public void Observation(Observation observation, int index) => Take($"{observation.Id}@{index}");

        public void Claims(IReadOnlyList<ClaimQualifier> qualifiers, IReadOnlyList<Claim> claims) => Take("claims");

        private void Take(string what)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            if (Seen.Count == FailAt)
            {
                throw new InvalidOperationException($"write {FailAt} failed");
            }

            if (Delay > TimeSpan.Zero)
            {
                Thread.Sleep(Delay);
            }

            lock (Seen)
            {
                Seen.Add(what);
            }
        }
    }
}
