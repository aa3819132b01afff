using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("Evidence", t =>
        {
            t.HasCheckConstraint("CK_Evidence_OneOwner",
                "(CASE WHEN \"EntityId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"FactId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ObservationId\" IS NULL THEN 0 ELSE 1 END) = 1");
            t.HasCheckConstraint("CK_Evidence_Span", "\"Start\" >= 0 AND \"End\" > \"Start\"");
        });
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Exact).HasMaxLength(4000);
        builder.Property(v => v.Prefix).HasMaxLength(64);
        builder.Property(v => v.Suffix).HasMaxLength(64);
        builder.HasOne<Source>().WithMany().HasForeignKey(v => v.SourceId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(v => new { v.SourceId, v.Start });

        // Each owner's evidence in position order, the order responses show it in.
        builder.HasIndex(v => new { v.EntityId, v.Position });
        builder.HasIndex(v => new { v.FactId, v.Position });
        builder.HasIndex(v => new { v.ObservationId, v.Position });
    }
}
