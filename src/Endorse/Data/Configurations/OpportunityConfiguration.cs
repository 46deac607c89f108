using Endorse.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(255);
        builder.Property(o => o.NameSearch).HasMaxLength(255);
        builder.Property(o => o.Stage).HasMaxLength(100);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.OwnerId).HasMaxLength(450);
        builder.Property(o => o.OwnerExternalId).HasMaxLength(100);
        builder.Property(o => o.ExternalId).HasMaxLength(100);
        builder.Property(o => o.Amount).HasPrecision(18, 2);

        builder.HasIndex(o => o.NameSearch);
        builder.HasIndex(o => new { o.AccountId, o.CloseDate });
        builder.HasIndex(o => new { o.OwnerId, o.CloseDate });
        builder.HasIndex(o => new { o.IsClosed, o.CloseDate });
        builder.HasIndex(o => o.CloseDate);
        builder.HasIndex(o => o.OwnerExternalId);
        builder.HasIndex(o => new { o.Source, o.ExternalId }).IsUnique();

        // Readiness (big bids) notices changed opportunities by this stamp.
        builder.HasIndex(o => o.UpdatedAt);

        builder.HasOne(o => o.Account).WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(o => o.UpdatedAt).IsConcurrencyToken();
    }
}
