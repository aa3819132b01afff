using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

/// <summary>
/// Claims keep their source, operands and subjects as plain ids, without foreign keys: a curator may delete a record a claim rests on
/// (the claim then reads as unverifiable, saying so) without the claim blocking the write.
/// </summary>
internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(100);
        builder.Property(c => c.SourceId).HasMaxLength(100);
        builder.Property(c => c.Rule).HasMaxLength(16);
        builder.Property(c => c.Unit).HasMaxLength(16);
        builder.Property(c => c.QualifierId).HasMaxLength(100);
        builder.Property(c => c.Missing).HasMaxLength(2000);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.HasOne<ClaimQualifier>().WithMany().HasForeignKey(c => c.QualifierId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(c => c.Operands).WithOne().HasForeignKey(o => o.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SourceId, c.Id });
    }
}

internal sealed class ClaimOperandConfiguration : IEntityTypeConfiguration<ClaimOperand>
{
    public void Configure(EntityTypeBuilder<ClaimOperand> builder)
    {
        builder.HasKey(o => new { o.ClaimId, o.Position });
        builder.Property(o => o.Role).HasMaxLength(16);
        builder.Property(o => o.RecordId).HasMaxLength(100);
    }
}

internal sealed class ClaimSubjectConfiguration : IEntityTypeConfiguration<ClaimSubject>
{
    public void Configure(EntityTypeBuilder<ClaimSubject> builder)
    {
        builder.HasKey(s => new { s.ClaimId, s.EntityId });
        builder.Property(s => s.EntityId).HasMaxLength(100);
        builder.HasIndex(s => new { s.EntityId, s.ClaimId });
    }
}

internal sealed class ClaimQualifierConfiguration : IEntityTypeConfiguration<ClaimQualifier>
{
    public void Configure(EntityTypeBuilder<ClaimQualifier> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).HasMaxLength(100);
        builder.Property(q => q.Label).HasMaxLength(200);
        builder.Property(q => q.Description).HasMaxLength(2000);
    }
}
