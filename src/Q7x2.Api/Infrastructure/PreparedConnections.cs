using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// SQLite connections that keep the statements they have prepared, from one request to the next. EF Core sends every query
/// through a new command, and closes a pooled context's connection whenever the context goes back to its pool, so SQLite
/// otherwise parses and plans the same SQL on every request (most of the database time of a small read) and the connection
/// re-registers its functions on every open. This interceptor has EF build a <see cref="PreparedConnection"/> instead:
/// its commands share one prepared command per SQL text, and it stays open while its context waits in the pool.
/// </summary>
internal sealed class PreparedConnections : DbConnectionInterceptor
{
    private long _prepared;
    private long _reprepared;

    /// <summary>How many commands the connections have prepared since start.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    /// <summary>
    /// How many times a connection prepared SQL it had prepared before (tests: a repeated read prepares nothing again; a read
    /// that gets a connection new to its SQL, as when requests overlap and the pool builds another context, prepares it once).
    /// </summary>
    public long Reprepared => Interlocked.Read(ref _reprepared);

    /// <summary>
    /// Turns on SQLite's query planner stability guarantee (SQLITE_DBCONFIG_ENABLE_QPSG) for an open connection: a statement's
    /// plan never depends on the values bound to it. Without it SQLite reads a bound <c>LIMIT</c> (every page: <c>LIMIT @p</c>)
    /// while planning and marks the statement to be parsed and planned again whenever that parameter is bound anew, so a kept
    /// statement was prepared again on every list, timeline and search request. Query-plan tests apply it too.
    /// </summary>
    public static void PlanIndependentlyOfValues(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, EnableQueryPlanStability, 1, out _);

    /// <summary>SQLITE_DBCONFIG_ENABLE_QPSG.</summary>
    private const int EnableQueryPlanStability = 1007;

    /// <summary>
    /// Begins one read transaction on <paramref name="connection"/> when it is an open <see cref="PreparedConnection"/> with no
    /// transaction: the statements of the read then share one snapshot and one WAL read lock. In autocommit each statement is a
    /// transaction of its own, and each took and released SQLite's read lock with <c>fcntl</c> and checked the file with
    /// <c>fstat</c> (a detail's six statements: 16 such system calls). False (nothing begun) otherwise. End it with <see cref="EndRead"/>.
    /// </summary>
    public static bool BeginRead(DbConnection connection) => connection is PreparedConnection prepared && prepared.BeginRead();

    /// <summary>Ends the read transaction <see cref="BeginRead"/> began (a read writes nothing: commit and rollback are the same).</summary>
    public static void EndRead(DbConnection connection) => ((PreparedConnection)connection).EndRead();

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        result.HasResult || eventData.ConnectionString is not { } connectionString
            ? result
            : InterceptionResult<DbConnection>.SuppressWithResult(new PreparedConnection(connectionString, this));

    /// <summary>
    /// A connection whose commands share prepared statements by SQL text. Closing it (what EF does when its context goes back
    /// to the pool) leaves it open, statements and all, unless a command is still out or a transaction is open: an idle
    /// SQLite connection whose statements are reset holds no lock and no snapshot. Disposing it closes it for good.
    /// </summary>
    private sealed class PreparedConnection(string connectionString, PreparedConnections owner) : SqliteConnection(connectionString)
    {
        /// <summary>SQL texts with a command kept (the API sends a few dozen distinct ones).</summary>
        private const int Kept = 128;

        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _out;
        private int _generation;
        private bool _disposing;

        protected override DbCommand CreateDbCommand() => new PreparedCommand(this);

        /// <summary>Opens the connection with plans that do not depend on bound values (<see cref="PlanIndependentlyOfValues"/>).</summary>
        public override void Open()
        {
            var opening = State != ConnectionState.Open;
            base.Open();
            if (opening)
            {
                PlanIndependentlyOfValues(this);
            }
        }

        /// <summary>A command for this SQL, already prepared when one is kept; <paramref name="generation"/> is for <see cref="Give"/>.</summary>
        public SqliteCommand Take(string sql, out int generation)
        {
            _out++;
            generation = _generation;
            if (_commands.Remove(sql, out var command))
            {
                return command;
            }

            command = CreateCommand();
            Prepare(command, sql);
            return command;
        }

        /// <summary>A new command without SQL yet (some callers set the transaction first).</summary>
        public SqliteCommand TakeNew(out int generation)
        {
            _out++;
            generation = _generation;
            return CreateCommand();
        }

        /// <summary>
        /// Gives a command its SQL. Microsoft.Data.Sqlite prepares a command's statements when it first runs and keeps them until
        /// its text or connection changes or the connection closes (which disposes the command).
        /// </summary>
        public void Prepare(SqliteCommand command, string sql)
        {
            Interlocked.Increment(ref owner._prepared);
            if (!_seen.Add(sql))
            {
                Interlocked.Increment(ref owner._reprepared);
            }

            command.CommandText = sql;
        }

        /// <summary>Back after use: kept when the connection has not closed since it was taken, nothing holds its SQL and there is room.</summary>
        public void Give(SqliteCommand command, int generation)
        {
            _out--;
            if (generation != _generation || State != ConnectionState.Open || _commands.Count >= Kept || command.CommandText.Length == 0)
            {
                command.Dispose();
                return;
            }

            command.Parameters.Clear();
            command.Transaction = null;
            if (!_commands.TryAdd(command.CommandText, command))
            {
                command.Dispose();
            }
        }

        /// <summary>
        /// <c>BEGIN</c> (deferred: the first statement takes the read lock), sent on the connection's kept command, not through EF:
        /// it is no query of the read's, and the EF command budget does not count it.
        /// </summary>
        public bool BeginRead()
        {
            if (State != ConnectionState.Open || Transaction is not null || !InAutocommit)
            {
                return false;
            }

            Run("BEGIN");
            return true;
        }

        public void EndRead()
        {
            if (State != ConnectionState.Open || InAutocommit)
            {
                return;
            }

            try
            {
                Run("COMMIT");
            }
            catch (SqliteException) when (!InAutocommit)
            {
                try
                {
                    Run("ROLLBACK");
                }
                finally
                {
                    if (!InAutocommit)
                    {
                        // The pooled context's next request must not inherit the snapshot: closing the connection ends it.
                        ForceClose();
                    }
                }
            }
        }

        /// <summary>Whether no transaction is open on the connection, whoever began it (SQLite's own answer).</summary>
        private bool InAutocommit => SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

        private void Run(string sql)
        {
            var command = Take(sql, out var generation);
            try
            {
                command.ExecuteNonQuery();
            }
            finally
            {
                Give(command, generation);
            }
        }

        public override void Close()
        {
            // Kept open only when nothing is in flight: a read transaction left open would hold its snapshot (and the WAL) for
            // the next request of the pooled context; closing rolls it back.
            if (!_disposing && State == ConnectionState.Open && _out == 0 && Transaction is null && InAutocommit)
            {
                return;
            }

            ForceClose();
        }

        private void ForceClose()
        {
            // Closing disposes every command of the connection (Microsoft.Data.Sqlite): none may be taken again, and one still
            // out is not kept when it comes back.
            _generation++;
            _commands.Clear();
            base.Close();
        }

        protected override void Dispose(bool disposing)
        {
            _disposing = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// What EF holds as its command: it takes the connection's command for the SQL when EF sets the text, forwards everything
    /// else to it, and gives it back instead of disposing it.
    /// </summary>
    private sealed class PreparedCommand(PreparedConnection connection) : DbCommand
    {
        private SqliteCommand? _command;
        private int _generation;

        private SqliteCommand Command => _command ??= connection.TakeNew(out _generation);

        [AllowNull]
        public override string CommandText
        {
            get => _command?.CommandText ?? string.Empty;
            set
            {
                value ??= string.Empty;
                if (_command is null)
                {
                    _command = connection.Take(value, out _generation);
                }
                else if (_command.CommandText.Length == 0)
                {
                    connection.Prepare(_command, value);
                }
                else if (_command.CommandText != value)
                {
                    // A new text for a used command: the kept one for that text, with this one's transaction, timeout and parameters.
                    var (transaction, timeout) = (_command.Transaction, _command.CommandTimeout);
                    SqliteParameter[] parameters = [.. _command.Parameters.Cast<SqliteParameter>()];
                    _command.Parameters.Clear();
                    connection.Give(_command, _generation);
                    _command = connection.Take(value, out _generation);
                    (_command.Transaction, _command.CommandTimeout) = (transaction, timeout);
                    _command.Parameters.AddRange(parameters);
                }
            }
        }

        public override int CommandTimeout { get => Command.CommandTimeout; set => Command.CommandTimeout = value; }

        public override CommandType CommandType { get => CommandType.Text; set => Command.CommandType = value; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get => Command.UpdatedRowSource; set => Command.UpdatedRowSource = value; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set
            {
                if (!ReferenceEquals(value, connection))
                {
                    throw new NotSupportedException("A prepared command stays on its connection.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => Command.Parameters;

        protected override DbTransaction? DbTransaction { get => Command.Transaction; set => Command.Transaction = (SqliteTransaction?)value; }

        public override void Cancel() => _command?.Cancel();

        public override int ExecuteNonQuery() => Command.ExecuteNonQuery();

        public override object? ExecuteScalar() => Command.ExecuteScalar();

        public override void Prepare() => Command.Prepare();

        protected override DbParameter CreateDbParameter() => Command.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Command.ExecuteReader(behavior);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _command is not null)
            {
                connection.Give(_command, _generation);
                _command = null;
            }

            base.Dispose(disposing);
        }
    }
}
