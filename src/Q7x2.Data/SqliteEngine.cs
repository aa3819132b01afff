namespace Q7x2.Data;

/// <summary>Process-wide settings of the SQLite library, which it accepts only before its first connection opens.</summary>
public static class SqliteEngine
{
    /// <summary>
    /// Turns off SQLite's memory statistics (<c>SQLITE_CONFIG_MEMSTATUS</c>). With them on, as the bundled library is built, every
    /// allocation takes one global mutex, so queries on different connections (an FTS5 search allocates thousands of times)
    /// serialise across threads: two threads searching got no more done than one. Called first thing in <c>Program</c>; when the
    /// library has already been initialised (a test process that opened a connection first), SQLite refuses and nothing changes.
    /// Returns whether the setting took effect.
    /// </summary>
    public static bool Configure()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0) == SQLitePCL.raw.SQLITE_OK;
    }
}
