using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Open311;

internal sealed class Open311ApiKeyConfiguration : IEntityTypeConfiguration<Open311ApiKey>
{
    public void Configure(EntityTypeBuilder<Open311ApiKey> k)
    {
        k.ToTable("open311_api_keys");
        k.HasIndex(x => x.KeyHash).IsUnique();
        k.Property(x => x.Name).HasMaxLength(100);
        k.Property(x => x.KeyHash).HasMaxLength(64);
    }
}
