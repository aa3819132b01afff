using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> builder)
    {
        builder.HasKey(a => new { a.EntityId, a.Name });
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Type).HasMaxLength(32);
        builder.HasIndex(a => a.Name);
    }
}
