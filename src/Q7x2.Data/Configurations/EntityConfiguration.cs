using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.ToTable("Entities");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Origin).HasMaxLength(16).HasDefaultValue(RecordOrigin.Seed);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(2000);
        builder.Property(e => e.Subtype).HasMaxLength(64);
        builder.Property(e => e.Role).HasMaxLength(300);
        builder.Property(e => e.IsoCode).HasMaxLength(2);
        builder.Property(e => e.Status).HasMaxLength(32);
        builder.PrimitiveCollection(e => e.Areas);
        builder.OwnsOne(e => e.Date, d => FuzzyDateMapping.Map(d, "Date"));
        FuzzyDateMapping.MapKey(builder, e => e.DateKey, "Date");

        // References between records never cascade: the seeder defers their checks to commit.
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.PartOfId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.NoAction);

        builder.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Evidence).WithOne().HasForeignKey(v => v.EntityId).OnDelete(DeleteBehavior.Cascade);

        // Each list's sort order, ties broken by id (the ids are text: a rowid index ends with the rowid, not the id), so a page
        // reads its rows in order and stops: the typed lists by kind, /v1/entities across kinds.
        builder.HasIndex(e => new { e.Kind, e.Name, e.Id });
        builder.HasIndex(e => new { e.Kind, e.Id });
        builder.HasIndex(e => new { e.Kind, e.DateKey, e.Id });
        builder.HasIndex(e => new { e.Name, e.Id });

        // Filters on an entity id: the matches of one country or enclosing place, in each sort order.
        builder.HasIndex(e => new { e.CountryId, e.Kind, e.Name, e.Id });
        builder.HasIndex(e => new { e.CountryId, e.Kind, e.Id });
        builder.HasIndex(e => new { e.PartOfId, e.Kind, e.Name, e.Id });
        builder.HasIndex(e => new { e.PartOfId, e.Kind, e.Id });
    }
}
