using System.Security.Cryptography;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>
/// A random key made once and kept in the database so every instance uses the same one, for keys that have no
/// setting of their own (the signing key of links in messages when <c>Notifications:SigningKey</c> is not set).
/// </summary>
public sealed class SharedSecret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }

    /// <summary>
    /// The secret called <paramref name="name"/>, made by whichever instance asks first. Synchronous because it is
    /// read once per process when a singleton is built.
    /// </summary>
    public static byte[] GetOrCreate(IServiceScopeFactory scopes, string name)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        for (var attempt = 0; ; attempt++)
        {
            if (db.SharedSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefault() is { } existing)
            {
                return existing;
            }

            db.SharedSecrets.Add(new SharedSecret { Name = name, Value = RandomNumberGenerator.GetBytes(32) });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another instance made it first; read theirs.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

internal sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> s)
    {
        s.ToTable("shared_secrets");
        s.HasKey(x => x.Name);
        s.Property(x => x.Name).HasMaxLength(60);
    }
}
