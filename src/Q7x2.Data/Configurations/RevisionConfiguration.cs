using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Resource).HasMaxLength(32);
        builder.Property(r => r.ResourceId).HasMaxLength(100);
        builder.Property(r => r.Operation).HasMaxLength(16);
        builder.Property(r => r.Actor).HasMaxLength(100);
        builder.HasIndex(r => new { r.Resource, r.ResourceId, r.Id });

        // asOf=<timestamp>: the last change committed at or before it, in one seek.
        builder.HasIndex(r => new { r.At, r.Id });
    }
}
