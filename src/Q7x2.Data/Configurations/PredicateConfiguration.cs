using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class PredicateConfiguration : IEntityTypeConfiguration<Predicate>
{
    public void Configure(EntityTypeBuilder<Predicate> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(100);
        builder.Property(p => p.Label).HasMaxLength(200);
        builder.Property(p => p.InverseLabel).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasIndex(p => new { p.Label, p.Id });
    }
}
