using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal static class FuzzyDateMapping
{
    /// <summary>Maps a fuzzy date as columns of its owner's table, prefixed with the property name.</summary>
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, FuzzyDate> date, string prefix)
        where TOwner : class
    {
        date.Property(d => d.Text).HasColumnName($"{prefix}Text").HasMaxLength(200);
        date.Property(d => d.From).HasColumnName($"{prefix}From");
        date.Property(d => d.To).HasColumnName($"{prefix}To");
        date.Property(d => d.Precision).HasColumnName($"{prefix}Precision").HasMaxLength(16);
        date.Property(d => d.Qualifier).HasColumnName($"{prefix}Qualifier").HasMaxLength(16);
        date.Property(d => d.Basis).HasColumnName($"{prefix}Basis").HasMaxLength(16);
        date.Property(d => d.Note).HasColumnName($"{prefix}Note").HasMaxLength(1000);
    }

    /// <summary>
    /// The owner's sort key of its fuzzy date: a virtual column the database computes from the date's first day, 9999-12-31 when
    /// undated. Indexes hold it where they cannot hold the owned date's columns, and a date sort or range reads it in index order.
    /// </summary>
    public static void MapKey<TOwner>(EntityTypeBuilder<TOwner> owner, Expression<Func<TOwner, DateOnly>> key, string prefix)
        where TOwner : class =>
        owner.Property(key).HasComputedColumnSql($"coalesce(\"{prefix}From\", '9999-12-31')", stored: false);
}
