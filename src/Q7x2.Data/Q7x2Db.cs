using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Data;

public sealed class Q7x2Db(DbContextOptions<Q7x2Db> options) : DbContext(options)
{
    /// <summary>
    /// Whether the options name PostgreSQL's provider (<see cref="DatabaseEngine.IsPostgres"/>), found once per context: EF's
    /// <c>ProviderName</c> reads the provider assembly's name, allocating, on every call, and reads ask on every request.
    /// </summary>
    internal bool OnPostgres { get; } = options.Extensions.Any(e => e.Info.IsDatabaseProvider && e.GetType().Assembly == typeof(NpgsqlDbContextOptionsBuilder).Assembly);

    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Entity> Entities => Set<Entity>();
    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();
    public DbSet<EntityLink> EntityLinks => Set<EntityLink>();
    public DbSet<EventRelation> EventRelations => Set<EventRelation>();
    public DbSet<EntityFactCount> EntityFactCounts => Set<EntityFactCount>();
    public DbSet<Backlink> Backlinks => Set<Backlink>();
    public DbSet<BacklinkCount> BacklinkCounts => Set<BacklinkCount>();
    public DbSet<Predicate> Predicates => Set<Predicate>();
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationSubject> ObservationSubjects => Set<ObservationSubject>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimOperand> ClaimOperands => Set<ClaimOperand>();
    public DbSet<ClaimSubject> ClaimSubjects => Set<ClaimSubject>();
    public DbSet<ClaimQualifier> ClaimQualifiers => Set<ClaimQualifier>();
    public DbSet<CoverageNote> CoverageNotes => Set<CoverageNote>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>
    /// On PostgreSQL every text column compares and sorts by code point (collation <c>C</c>), as SQLite's default <c>BINARY</c>
    /// does, so that names and keyset cursors order the same on both engines.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (this.IsPostgres())
        {
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Q7x2Db).Assembly);
        if (this.IsPostgres())
        {
            // PostgreSQL 15 has no virtual generated columns: the date sort keys are stored there.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                .Where(p => p.GetComputedColumnSql() is not null))
            {
                property.SetIsStored(true);
            }
        }
    }
}
