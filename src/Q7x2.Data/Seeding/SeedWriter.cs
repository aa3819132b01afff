using System.Globalization;
using Microsoft.Data.Sqlite;
using Q7x2.Data.Entities;
using SQLitePCL;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Takes the seed's records as <see cref="SeedLoader"/> checks them and brings the tables to them, inside the seed run's
/// transaction: a record whose hash matches its stored rows is left alone, a new one is inserted, a changed one has its row
/// updated in place and its child rows replaced; <see cref="Finish"/> deletes the stored records the seed no longer has.
/// Each table has one prepared statement, run again with new values for each row. References point at rows written before
/// them (entities in reference order, then facts and observations), so the deferred foreign-key checks never have to search.
/// A first load, into tables that hold no row yet, writes them without their secondary indexes and builds those at the end.
/// Curator-owned ids are skipped. In a dry run it counts and writes nothing.
/// </summary>
internal sealed class SeedWriter : ISeedSink, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly StoredRecords _stored;
    private readonly SeedOwners _owners;
    private readonly Func<List<string>, string> _areas;
    private readonly bool _dryRun;
    private readonly CancellationToken _ct;
    private readonly RecordHash _hash = new();
    private readonly List<SeedError> _collisions = [];
    private readonly Dictionary<string, Statement> _statements = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SeedTable, object?[]> _rows = [];
    private bool _writing;
    private long? _cacheSize;
    private List<string> _droppedIndexes = [];
    private List<string> _droppedTriggers = [];

    /// <summary>
    /// The tables a first load fills, whose secondary indexes it builds once at the end: every row of a first load would
    /// otherwise land at a random place in each of them (a fact alone is in nine B-trees).
    /// </summary>
    private static readonly string[] BulkTables =
        [SeedRows.Entities.Name, SeedRows.Aliases.Name, SeedRows.Links.Name, SeedRows.Facts.Name, SeedRows.Observations.Name,
         SeedRows.Subjects.Name, SeedRows.FactEvidence.Name];

    /// <summary>The page cache of a seed run that writes: enough for the indexes of a million records to stay in memory.</summary>
    private const int CacheKibibytes = 512 * 1024;

    /// <summary>The page cache once a first load's rows are written, for building its indexes and the search index.</summary>
    private const int BuildCacheKibibytes = 64 * 1024;

    /// <summary>The page cache while a first load writes its rows (see <see cref="DropSchemaForFirstLoad"/>).</summary>
    private const int FirstLoadCacheKibibytes = 256 * 1024;

    public SeedWriter(
        SqliteConnection connection, SqliteTransaction transaction, StoredRecords stored, SeedOwners owners,
        Func<List<string>, string> areas, bool dryRun, CancellationToken ct)
    {
        (_connection, _transaction, _stored, _owners, _areas, _dryRun, _ct) = (connection, transaction, stored, owners, areas, dryRun, ct);
    }

    public int Added { get; private set; }

    public int Changed { get; private set; }

    public int Removed { get; private set; }

    /// <summary>The ids of every predicate, entity, fact and observation added, changed or removed: what search re-indexes.</summary>
    public List<string> Touched { get; } = [];

    /// <summary>
    /// Every record the run adds, changes or removes, as the change feed names it (its collection, its id, create, update or
    /// delete), in the order they are written: <see cref="RecordChanges"/> writes them as revisions of the actor <c>seed</c>.
    /// </summary>
    public List<(string Resource, string Id, string Operation)> Changes { get; } = [];

    /// <summary>The collection of each entity kind, as in the URL and the change feed.</summary>
    public static readonly IReadOnlyDictionary<string, string> Collections = new Dictionary<string, string>
    {
        [EntityKind.Person] = "people", [EntityKind.Country] = "countries", [EntityKind.Place] = "places",
        [EntityKind.Organization] = "organizations", [EntityKind.Event] = "events", [EntityKind.Agreement] = "agreements",
        [EntityKind.BorderCrossing] = "border-crossings",
    };

    private static readonly string InsertRevision =
        "INSERT INTO \"Revisions\" (\"Resource\", \"ResourceId\", \"Operation\", \"Actor\", \"At\", \"Before\", \"After\") "
        + "VALUES ($p0, $p1, $p2, $p3, $p4, NULL, NULL)";

    public void Sources(IReadOnlyList<Source> sources, IReadOnlyList<CoverageNote> notes)
    {
        var notesOf = notes.ToLookup(n => n.SourceId, StringComparer.Ordinal);
        var row = new object?[SeedRows.Sources.Columns.Length];
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            CheckCollision(source.Id, SeedFiles.SourcesFile, $"$.sources[{i}]", isSource: true);
            if (_owners.Curated.Contains(source.Id))
            {
                continue;
            }

            SeedRows.Fill(source, row);
            _hash.Add(row);
            var own = notesOf[source.Id].ToList();
            HashChildren(own, SeedRows.CoverageNotes, SeedRows.Fill);
            if (Decide(_stored.Sources, source.Id, touches: false, "sources") is not Change.None and var change)
            {
                if (change == Change.Changed)
                {
                    Delete(SeedRows.CoverageNotes, source.Id);
                }

                Upsert(SeedRows.Sources, row);
                InsertChildren(own, SeedRows.CoverageNotes, SeedRows.Fill);
            }
        }
    }

    public void Predicates(IReadOnlyList<Predicate> predicates)
    {
        var row = new object?[SeedRows.Predicates.Columns.Length];
        for (var i = 0; i < predicates.Count; i++)
        {
            CheckCollision(predicates[i].Id, SeedFiles.PredicatesFile, $"$.predicates[{i}]", isSource: false);
            SeedRows.Fill(predicates[i], row);
            _hash.Add(row);
            if (Decide(_stored.Predicates, predicates[i].Id, touches: true, "predicates") != Change.None)
            {
                Upsert(SeedRows.Predicates, row);
            }
        }
    }

    public void Entities(IReadOnlyList<SeedLocated<Entity>> entities)
    {
        var rows = new Dictionary<string, (Entity Entity, object?[] Row, Change Change)>(StringComparer.Ordinal);
        foreach (var (entity, file, path) in entities)
        {
            CheckCollision(entity.Id, file, path, isSource: false);
            if (_owners.Curated.Contains(entity.Id))
            {
                continue;
            }

            var row = new object?[SeedRows.Entities.Columns.Length];
            SeedRows.Fill(entity, _areas(entity.Areas), row);
            entity.Links = [.. entity.Links.OrderBy(l => l.Role, StringComparer.Ordinal).ThenBy(l => l.Position)];
            _hash.Add(row);
            HashChildren(entity.Aliases, SeedRows.Aliases, SeedRows.Fill);
            HashChildren(entity.Links, SeedRows.Links, SeedRows.Fill);
            HashEvidence(entity.Evidence, entity.Id, SeedRows.EntityEvidence);
            if (Decide(_stored.Entities, entity.Id, touches: true, Collections[entity.Kind]) is not Change.None and var change)
            {
                rows[entity.Id] = (entity, row, change);
            }
        }

        // Every entity row before any child row, each after the entities it references (links point anywhere: after all rows).
        var written = ReferencesFirst([.. rows.Values.Select(r => r.Entity)]);
        foreach (var entity in written)
        {
            var (_, row, change) = rows[entity.Id];
            if (change == Change.Changed)
            {
                Delete(SeedRows.Aliases, entity.Id);
                Delete(SeedRows.Links, entity.Id);
                Delete(SeedRows.EntityEvidence, entity.Id);
            }

            Upsert(SeedRows.Entities, row);
        }

        // Child rows in seed order: evidence ids (which break ties between spans at one position) come out as before.
        foreach (var (entity, _, _) in rows.Values)
        {
            InsertChildren(entity.Aliases, SeedRows.Aliases, SeedRows.Fill);
            InsertChildren(entity.Links, SeedRows.Links, SeedRows.Fill);
            InsertEvidence(entity.Evidence, entity.Id, SeedRows.EntityEvidence);
        }
    }

    public void Fact(Fact fact, int index)
    {
        _ct.ThrowIfCancellationRequested();
        CheckCollision(fact.Id, SeedFiles.FactsFile, $"$.facts[{index}]", isSource: false);
        if (_owners.Curated.Contains(fact.Id))
        {
            return;
        }

        var row = Row(SeedRows.Facts);
        SeedRows.Fill(fact, row);
        _hash.Add(row);
        HashEvidence(fact.Evidence, fact.Id, SeedRows.FactEvidence);
        if (Decide(_stored.Facts, fact.Id, touches: true, "facts") is not Change.None and var change)
        {
            if (change == Change.Changed)
            {
                Delete(SeedRows.FactEvidence, fact.Id);
            }

            Upsert(SeedRows.Facts, row);
            InsertEvidence(fact.Evidence, fact.Id, SeedRows.FactEvidence);
        }
    }

    public void Observation(Observation observation, int index)
    {
        _ct.ThrowIfCancellationRequested();
        CheckCollision(observation.Id, SeedFiles.ObservationsFile, $"$.observations[{index}]", isSource: false);
        if (_owners.Curated.Contains(observation.Id))
        {
            return;
        }

        var row = Row(SeedRows.Observations);
        SeedRows.Fill(observation, row);
        _hash.Add(row);
        HashChildren(observation.Subjects, SeedRows.Subjects, SeedRows.Fill);
        HashEvidence(observation.Evidence, observation.Id, SeedRows.ObservationEvidence);
        if (Decide(_stored.Observations, observation.Id, touches: true, "observations") is not Change.None and var change)
        {
            if (change == Change.Changed)
            {
                Delete(SeedRows.Subjects, observation.Id);
                Delete(SeedRows.ObservationEvidence, observation.Id);
            }

            Upsert(SeedRows.Observations, row);
            InsertChildren(observation.Subjects, SeedRows.Subjects, SeedRows.Fill);
            InsertEvidence(observation.Evidence, observation.Id, SeedRows.ObservationEvidence);
        }
    }

    /// <summary>The qualifiers, then each claim with its operands and subjects (which search does not index: nothing is touched).</summary>
    public void Claims(IReadOnlyList<ClaimQualifier> qualifiers, IReadOnlyList<Claim> claims)
    {
        // A qualifier is shown in the claims that use it: a changed one is recorded as a change of each of them.
        var qualifierRow = Row(SeedRows.Qualifiers);
        var changedQualifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var qualifier in qualifiers)
        {
            SeedRows.Fill(qualifier, qualifierRow);
            _hash.Add(qualifierRow);
            if (Decide(_stored.Qualifiers, qualifier.Id, touches: false, resource: null) != Change.None)
            {
                changedQualifiers.Add(qualifier.Id);
                Upsert(SeedRows.Qualifiers, qualifierRow);
            }
        }

        var row = Row(SeedRows.Claims);
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            CheckCollision(claim.Id, SeedFiles.ClaimsFile, $"$.claims[{i}]", isSource: false);
            SeedRows.Fill(claim, row);
            _hash.Add(row);
            HashChildren(claim.Operands, SeedRows.ClaimOperands, SeedRows.Fill);
            HashChildren(claim.Subjects, SeedRows.ClaimSubjects, SeedRows.Fill);
            var change = Decide(_stored.Claims, claim.Id, touches: false, "claims");
            if (change == Change.None && changedQualifiers.Contains(claim.QualifierId))
            {
                Changes.Add(("claims", claim.Id, RevisionOperation.Update));
            }

            if (change != Change.None)
            {
                if (change == Change.Changed)
                {
                    Delete(SeedRows.ClaimOperands, claim.Id);
                    Delete(SeedRows.ClaimSubjects, claim.Id);
                }

                Upsert(SeedRows.Claims, row);
                InsertChildren(claim.Operands, SeedRows.ClaimOperands, SeedRows.Fill);
                InsertChildren(claim.Subjects, SeedRows.ClaimSubjects, SeedRows.Fill);
            }
        }
    }

    /// <summary>
    /// After the whole seed was read and found valid: refuses ids a curator created, then deletes the stored records the seed
    /// no longer has (their child rows go with them).
    /// </summary>
    public void Finish()
    {
        if (_collisions.Count > 0)
        {
            throw new SeedValidationException(_collisions);
        }

        // Before anything is deleted: a delete looks for the rows that reference it through these indexes, and its triggers keep
        // the derived rows (event relations, fact counts).
        RestoreSchema();

        // Every stored record the seed had was taken out of these as it was read: what is left is gone from the seed.
        var kinds = KindsOf(_stored.Entities.Keys);
        Remove(SeedRows.Claims, _stored.Claims, touches: false, _ => "claims");
        Remove(SeedRows.Qualifiers, _stored.Qualifiers, touches: false, _ => null);
        Remove(SeedRows.Observations, _stored.Observations, touches: true, _ => "observations");
        Remove(SeedRows.Facts, _stored.Facts, touches: true, _ => "facts");
        Remove(SeedRows.Entities, _stored.Entities, touches: true, id => Collections[kinds[id]]);
        Remove(SeedRows.Predicates, _stored.Predicates, touches: true, _ => "predicates");
        Remove(SeedRows.Sources, _stored.Sources, touches: false, _ => "sources");
    }

    /// <summary>Writes <see cref="Changes"/> as revisions of the actor <c>seed</c>, in the run's transaction, without bodies.</summary>
    public void RecordChanges(DateTime at)
    {
        // As EF Core stores a DateTime in SQLite.
        var when = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var row = new object?[5];
        foreach (var (resource, id, operation) in Changes)
        {
            (row[0], row[1], row[2], row[3], row[4]) = (resource, id, operation, RecordOrigin.Seed, when);
            Run(SeedRows.Sources, InsertRevision, row);
        }
    }

    /// <summary>The kinds of the stored entities with these ids (those the seed no longer has: their revisions name their collection).</summary>
    private Dictionary<string, string> KindsOf(IEnumerable<string> ids)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return kinds;
        }

        using var command = new SqliteCommand(
            "SELECT \"Id\", \"Kind\" FROM \"Entities\" WHERE \"Id\" IN (SELECT value FROM json_each($ids))", _connection, _transaction);
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(list));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            kinds[reader.GetString(0)] = reader.GetString(1);
        }

        return kinds;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        if (_cacheSize is { } size)
        {
            Execute($"PRAGMA cache_size = {size}");
        }
    }

    private enum Change
    {
        None,
        Added,
        Changed,
    }

    /// <summary>Compares the hash built up for a record with its stored one, and counts the outcome.</summary>
    private Change Decide(Dictionary<string, UInt128> stored, string id, bool touches, string? resource)
    {
        var hash = _hash.Finish();
        var change = !stored.Remove(id, out var old) ? Change.Added : old != hash ? Change.Changed : Change.None;
        if (change == Change.Added)
        {
            Added++;
        }
        else if (change == Change.Changed)
        {
            Changed++;
        }

        if (change != Change.None && touches)
        {
            Touched.Add(id);
        }

        if (change != Change.None && resource is not null)
        {
            Changes.Add((resource, id, change == Change.Added ? RevisionOperation.Create : RevisionOperation.Update));
        }

        return change;
    }

    private void Remove(SeedTable table, Dictionary<string, UInt128> gone, bool touches, Func<string, string?> resourceOf)
    {
        foreach (var id in gone.Keys)
        {
            Removed++;
            if (touches)
            {
                Touched.Add(id);
            }

            if (resourceOf(id) is { } resource)
            {
                Changes.Add((resource, id, RevisionOperation.Delete));
            }

            Run(table, table.Delete, [id]);
        }
    }

    private void CheckCollision(string id, string file, string path, bool isSource)
    {
        if ((isSource ? _owners.CreatedSources : _owners.CreatedRecords).TryGetValue(id, out var resource))
        {
            _collisions.Add(new SeedError(file, $"{path}.id",
                $"'{id}' was created through the API (POST /v1/{resource}); the seed cannot add a record with the same id: rename one of them"));
        }
    }

    private void HashChildren<T>(List<T> children, SeedTable table, Action<T, object?[]> fill)
    {
        var row = Row(table);
        foreach (var child in children)
        {
            fill(child, row);
            _hash.Add(row, 1);
        }

        _hash.EndGroup();
    }

    private void HashEvidence(List<Evidence> evidence, string owner, SeedTable table) =>
        HashChildren(evidence, table, (v, row) => SeedRows.Fill(v, owner, row));

    private void InsertChildren<T>(List<T> children, SeedTable table, Action<T, object?[]> fill)
    {
        var row = Row(table);
        foreach (var child in children)
        {
            fill(child, row);
            Run(table, table.Insert, row);
        }
    }

    private void InsertEvidence(List<Evidence> evidence, string owner, SeedTable table) =>
        InsertChildren(evidence, table, (v, row) => SeedRows.Fill(v, owner, row));

    private void Upsert(SeedTable table, object?[] row) => Run(table, table.Insert, row);

    private void Delete(SeedTable child, string owner) => Run(child, child.Delete, [owner]);

    /// <summary>Runs one of the table's statements (prepared on first use) with these values; nothing in a dry run.</summary>
    private void Run(SeedTable table, string sql, object?[] values)
    {
        if (_dryRun)
        {
            return;
        }

        if (!_writing)
        {
            // Replaced and removed records point at each other; their references are checked at commit.
            Execute("PRAGMA defer_foreign_keys = ON");

            // Rows land all over large indexes: with SQLite's default 2 MB page cache, pages modified by the transaction are
            // spilled to the WAL and written again and again. Without secondary indexes (a first load), rows land at random
            // only in the tables' key indexes, and a smaller cache holds those. The connection's own cache size comes back in
            // Dispose.
            var firstLoad = DropSchemaForFirstLoad();
            _cacheSize = Scalar("PRAGMA cache_size");
            Execute($"PRAGMA cache_size = {-(firstLoad ? FirstLoadCacheKibibytes : CacheKibibytes)}");
            _writing = true;
        }

        // Each table's statements are strings it made once: the same instance each time.
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new Statement(_connection, sql);
            _statements[sql] = statement;
        }

        statement.Run(values);
    }

    /// <summary>
    /// A first load (no entity, fact, observation or evidence row stored yet: nothing is changed or deleted in those tables)
    /// writes their rows without secondary indexes and without the triggers that keep <c>EventRelations</c> and <c>EntityFactCounts</c>, and
    /// <see cref="RestoreSchema"/> builds each index from the finished table in one sorted pass, fills the event relations
    /// and fact counts in one pass each and puts the triggers back. All of it is part of the run's transaction: a run that fails
    /// leaves the schema as it was.
    /// </summary>
    private bool DropSchemaForFirstLoad()
    {
        if (Scalar($"SELECT {string.Join(" AND ", BulkTables.Select(t => $"NOT EXISTS (SELECT 1 FROM \"{t}\")"))}") == 0)
        {
            return false;
        }

        var dropped = SchemaObjects("'index', 'trigger'", BulkTables);
        foreach (var (type, name, _) in dropped)
        {
            Execute($"DROP {type.ToUpperInvariant()} \"{name}\"");
        }

        _droppedIndexes = [.. dropped.Where(d => d.Type == "index").Select(d => d.Sql)];
        _droppedTriggers = [.. dropped.Where(d => d.Type == "trigger").Select(d => d.Sql)];
        return true;
    }

    private void RestoreSchema()
    {
        if (_droppedIndexes.Count > 0)
        {
            // An index is built by sorting (up to the page cache's size in memory) and appending its pages in order: a large
            // cache only holds more memory then, and a build of 10,000 sources' indexes took longer with 512 MB than with 64.
            Execute($"PRAGMA cache_size = {-BuildCacheKibibytes}");
        }

        foreach (var sql in _droppedIndexes)
        {
            Execute(sql);
        }

        if (_droppedTriggers.Count > 0)
        {
            // What the triggers would have written row by row, in one pass each: every table the database keeps by triggers has a
            // view named after its singular with "Rows" that says what it holds (EventRelations and EventRelationRows,
            // EntityFactCounts and EntityFactCountRows, Backlinks and BacklinkRows…); a view may give a row twice, which the
            // table's key keeps once.
            var derived = DerivedTables();
            if (derived.Count == 0)
            {
                throw new InvalidOperationException("A first load dropped triggers but found no table they keep (a '<Table>Rows' view).");
            }

            // A derived table's own triggers (Backlinks' keep BacklinkCounts) are off while every one is filled from its view: each
            // view says all its table holds, so a trigger's row-by-row work on top would count twice.
            var own = SchemaObjects("'trigger'", derived.Select(d => d.Table));
            foreach (var (_, name, _) in own)
            {
                Execute($"DROP TRIGGER \"{name}\"");
            }

            foreach (var (table, view, columns) in derived)
            {
                Execute($"DELETE FROM \"{table}\"");
                Execute($"INSERT OR IGNORE INTO \"{table}\" ({columns}) SELECT {columns} FROM \"{view}\" ORDER BY {columns}");
            }

            foreach (var (_, _, sql) in own)
            {
                Execute(sql);
            }

            // The history triggers of these tables were off too: each row's first version, from the run's position.
            History.Fill(_connection, _transaction, BulkTables.Concat(derived.Select(d => d.Table)));
        }

        foreach (var sql in _droppedTriggers)
        {
            Execute(sql);
        }

        _droppedIndexes = [];
        _droppedTriggers = [];
    }

    /// <summary>The schema objects of these types (SQL literals, e.g. <c>'index', 'trigger'</c>) on these tables, each with its DDL, by name.</summary>
    private List<(string Type, string Name, string Sql)> SchemaObjects(string types, IEnumerable<string> tables)
    {
        using var command = new SqliteCommand(
            $"SELECT type, name, sql FROM sqlite_schema WHERE type IN ({types}) AND sql IS NOT NULL AND tbl_name IN "
            + $"({string.Join(", ", tables.Select(t => $"'{t}'"))}) ORDER BY name", _connection, _transaction);
        var objects = new List<(string, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return objects;
    }

    /// <summary>The tables kept by triggers, by the convention above: each with its view and the view's columns, quoted.</summary>
    private List<(string Table, string View, string Columns)> DerivedTables()
    {
        using var command = new SqliteCommand("""
            SELECT t.name, v.name, (SELECT group_concat('"' || c.name || '"', ', ') FROM pragma_table_info(v.name) AS c)
            FROM sqlite_schema AS v
            JOIN sqlite_schema AS t ON t.type = 'table' AND t.name LIKE '%s' AND v.name = substr(t.name, 1, length(t.name) - 1) || 'Rows'
            WHERE v.type = 'view' ORDER BY t.name
            """, _connection, _transaction);
        var tables = new List<(string, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return tables;
    }

    /// <summary>Runs one statement of the run's own (a pragma, an index's DDL) in its transaction.</summary>
    private void Execute(string sql)
    {
        using var command = new SqliteCommand(sql, _connection, _transaction);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = new SqliteCommand(sql, _connection, _transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private object?[] Row(SeedTable table)
    {
        if (!_rows.TryGetValue(table, out var row))
        {
            row = new object?[table.Columns.Length];
            _rows[table] = row;
        }

        return row;
    }

    /// <summary>The entities ordered so that each comes after those it references among them (depth first; a cycle is cut).</summary>
    internal static List<Entity> ReferencesFirst(List<Entity> entities)
    {
        var order = new List<Entity>(entities.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var stack = new Stack<(Entity Entity, bool Expanded)>();
        foreach (var root in byId.Values)
        {
            stack.Push((root, false));
            while (stack.TryPop(out var item))
            {
                if (item.Expanded)
                {
                    order.Add(item.Entity);
                    continue;
                }

                if (!seen.Add(item.Entity.Id))
                {
                    continue;
                }

                stack.Push((item.Entity, true));
                foreach (var reference in (string?[])[item.Entity.CountryId, item.Entity.PartOfId, item.Entity.PlaceId, item.Entity.EventId])
                {
                    if (reference is not null && !seen.Contains(reference) && byId.TryGetValue(reference, out var target))
                    {
                        stack.Push((target, false));
                    }
                }
            }
        }

        return order;
    }

    /// <summary>
    /// One prepared statement, run again and again with new parameter values bound by position, straight through SQLite's
    /// C API: a <see cref="SqliteCommand"/> looks each parameter up by name on every run, which cost the seeder more than
    /// SQLite's own work. It runs in the connection's transaction, as every statement on that connection does.
    /// </summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public Statement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        }

        public void Run(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var rc = values[i] switch
                {
                    null or DBNull => raw.sqlite3_bind_null(_statement, i + 1),
                    string text => raw.sqlite3_bind_text(_statement, i + 1, text),
                    long number => raw.sqlite3_bind_int64(_statement, i + 1, number),
                    double real => raw.sqlite3_bind_double(_statement, i + 1, real),
                    var other => throw new ArgumentOutOfRangeException(nameof(values), other.GetType().Name, "not a value the seeder writes"),
                };
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            var step = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (step != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(step, _db);
            }
        }

        public void Dispose() => _statement.Dispose();
    }
}

/// <summary>
/// Who owns what, read in the seed run's transaction: every id a curator owns (written or deleted through the API), and
/// the ids first created through the API with their resource (a seed record with such an id is refused).
/// </summary>
internal sealed record SeedOwners(
    HashSet<string> Curated, Dictionary<string, string> CreatedSources, Dictionary<string, string> CreatedRecords);
