using Endorse.Products;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(150);
        builder.Property(p => p.Family).HasMaxLength(150);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.ServiceLeadId).HasMaxLength(450);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(150);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Countries).HasMaxLength(4000);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class SalesAreaConfiguration : IEntityTypeConfiguration<SalesArea>
{
    public void Configure(EntityTypeBuilder<SalesArea> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(150);
        builder.Property(s => s.ManagerId).HasMaxLength(450);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.SetNull);
    }
}
