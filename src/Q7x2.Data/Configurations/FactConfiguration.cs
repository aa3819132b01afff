using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> builder)
    {
        builder.ToTable("Facts", t => t.HasCheckConstraint("CK_Facts_ObjectOrValue",
            "\"ObjectId\" IS NOT NULL OR \"Value\" IS NOT NULL"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Origin).HasMaxLength(16).HasDefaultValue(RecordOrigin.Seed);
        builder.Property(f => f.Id).HasMaxLength(100);
        builder.Property(f => f.Value).HasMaxLength(2000);
        builder.Property(f => f.Modality).HasMaxLength(16);
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.OwnsOne(f => f.Date, d => FuzzyDateMapping.Map(d, "Date"));
        FuzzyDateMapping.MapKey(builder, f => f.DateKey, "Date");
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.SubjectId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.ObjectId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.AttributionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Predicate>().WithMany().HasForeignKey(f => f.PredicateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(f => f.Evidence).WithOne().HasForeignKey(v => v.FactId).OnDelete(DeleteBehavior.Cascade);
        // The facts of one subject, object or predicate in each sort order (id, date), and every fact in date order: a page reads
        // its rows in order and stops. Ties are broken by id (text: a rowid index would end with the rowid).
        builder.HasIndex(f => new { f.SubjectId, f.Id });
        builder.HasIndex(f => new { f.SubjectId, f.DateKey, f.Id });
        builder.HasIndex(f => new { f.ObjectId, f.Id });
        builder.HasIndex(f => new { f.ObjectId, f.DateKey, f.Id });
        builder.HasIndex(f => new { f.PredicateId, f.Id });
        builder.HasIndex(f => new { f.PredicateId, f.DateKey, f.Id });
        builder.HasIndex(f => new { f.DateKey, f.Id });

        // A modality is shared by many facts ('stated' by most): walking another order and testing it read up to all of them.
        builder.HasIndex(f => new { f.Modality, f.Id });
        builder.HasIndex(f => new { f.Modality, f.DateKey, f.Id });
    }
}
