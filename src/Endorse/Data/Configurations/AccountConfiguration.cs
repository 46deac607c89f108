using Endorse.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(255);
        builder.Property(a => a.NameSearch).HasMaxLength(255);
        builder.Property(a => a.Website).HasMaxLength(255);
        builder.Property(a => a.Country).HasMaxLength(100);
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.Property(a => a.OwnerExternalId).HasMaxLength(100);
        builder.Property(a => a.ExternalId).HasMaxLength(100);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.Industry).HasMaxLength(255);
        builder.Property(a => a.AnnualRevenue).HasPrecision(18, 2);

        // Every list filter and sort has an index; name is the default sort and the search column. Lists order by
        // (NameSearch, Id), so the indexes end in Id: PostgreSQL then reads pages in index order without a sort.
        builder.HasIndex(a => new { a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.SectorId, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.RegionId, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.SalesAreaId, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.OwnerId, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.DisclosurePermission, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.SizeBand, a.NameSearch, a.Id });
        builder.HasIndex(a => new { a.Relationship, a.NameSearch, a.Id });
        builder.HasIndex(a => a.CustomerSince);
        builder.HasIndex(a => a.RenewalOn);
        builder.HasIndex(a => a.OwnerExternalId);
        builder.HasIndex(a => new { a.Source, a.ExternalId }).IsUnique();

        builder.HasOne(a => a.Sector).WithMany().HasForeignKey(a => a.SectorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.SalesArea).WithMany().HasForeignKey(a => a.SalesAreaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Products).WithOne().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class AccountProductConfiguration : IEntityTypeConfiguration<AccountProduct>
{
    public void Configure(EntityTypeBuilder<AccountProduct> builder)
    {
        builder.HasKey(p => new { p.AccountId, p.ProductId });
        builder.HasIndex(p => p.ProductId);
        builder.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
