namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The suite runs twice in CI (<c>.ci/run</c>): on SQLite, then with <c>Q7X2_TEST_ENGINE=Postgres</c> on PostgreSQL, every factory
/// on a copy of PostgreSQL's template database. A class or test with the trait <c>Engine</c> runs in the first run only, by
/// <c>--filter "Engine!=Sqlite&amp;Engine!=Fixed"</c> in the second:
/// <list type="bullet">
/// <item><see cref="Sqlite"/>: a test of SQLite's own machinery (its file, pragmas, kept statements, the as-of history, the
/// seeder's second run), which the PostgreSQL engine does not have; the reason is on the class or the test.</item>
/// <item><see cref="Fixed"/>: a test whose engine the run does not choose: it picks its engines itself (PostgreSQL's own tests,
/// the comparisons of the two) or uses no database, so a second run would repeat the first.</item>
/// </list>
/// </summary>
public static class Engine
{
    public const string Trait = "Engine";

    public const string Sqlite = "Sqlite";

    public const string Fixed = "Fixed";
}
