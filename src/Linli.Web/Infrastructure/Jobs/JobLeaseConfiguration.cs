using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Infrastructure.Jobs;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> l)
    {
        l.ToTable("job_leases");
        l.HasKey(x => x.Name);
        l.Property(x => x.Name).HasMaxLength(60);
        l.Property(x => x.Holder).HasMaxLength(100);
    }
}
