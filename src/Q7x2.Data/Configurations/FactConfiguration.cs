using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> builder)
    {
        builder.ToTable("Facts", t => t.HasCheckConstraint("CK_Facts_ObjectOrValue",
            "(\"ObjectId\" IS NULL) <> (\"Value\" IS NULL)"));
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Origin).HasMaxLength(16).HasDefaultValue(RecordOrigin.Seed);
        builder.Property(f => f.Id).HasMaxLength(100);
        builder.Property(f => f.Value).HasMaxLength(2000);
        builder.Property(f => f.Modality).HasMaxLength(16);
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.OwnsOne(f => f.Date, d => FuzzyDateMapping.Map(d, "Date"));
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.SubjectId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.ObjectId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Entity>().WithMany().HasForeignKey(f => f.AttributionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Predicate>().WithMany().HasForeignKey(f => f.PredicateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(f => f.Evidence).WithOne().HasForeignKey(v => v.FactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.SubjectId, f.PredicateId });
        builder.HasIndex(f => new { f.ObjectId, f.PredicateId });
        builder.HasIndex(f => f.PredicateId);
    }
}
