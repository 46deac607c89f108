using Endorse.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class ImportWarningConfiguration : IEntityTypeConfiguration<ImportWarning>
{
    public void Configure(EntityTypeBuilder<ImportWarning> builder)
    {
        builder.Property(w => w.ExternalId).HasMaxLength(100);
        builder.Property(w => w.Column).HasMaxLength(100);
        builder.Property(w => w.Value).HasMaxLength(500);
        builder.Property(w => w.Message).HasMaxLength(1000);
        builder.HasIndex(w => new { w.ImportRunId, w.LineNumber });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(w => w.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportSeenValueConfiguration : IEntityTypeConfiguration<ImportSeenValue>
{
    public void Configure(EntityTypeBuilder<ImportSeenValue> builder)
    {
        builder.Property(v => v.Column).HasMaxLength(100);
        builder.Property(v => v.Value).HasMaxLength(255);
        builder.HasIndex(v => new { v.ImportRunId, v.Kind });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(v => v.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportValueMappingConfiguration : IEntityTypeConfiguration<ImportValueMapping>
{
    public void Configure(EntityTypeBuilder<ImportValueMapping> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(255);
        builder.Property(m => m.Value).HasMaxLength(255);
        builder.Property(m => m.CreatedByName).HasMaxLength(256);
        builder.HasIndex(m => new { m.Kind, m.Key }).IsUnique();
        builder.HasIndex(m => m.SectorId);
        builder.HasOne(m => m.Sector).WithMany().HasForeignKey(m => m.SectorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.UpdatedAt).IsConcurrencyToken();
    }
}
