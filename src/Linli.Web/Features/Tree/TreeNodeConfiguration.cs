using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Tree;

internal sealed class TreeNodeConfiguration : IEntityTypeConfiguration<TreeNode>
{
    public void Configure(EntityTypeBuilder<TreeNode> node)
    {
        node.ToTable("tree_nodes");
        node.HasIndex(n => n.Code).IsUnique();
        // Subtree queries are `Path LIKE 'prefix%'`; PostgreSQL uses a btree for that only with pattern operators.
        node.HasIndex(n => n.Path).HasOperators("text_pattern_ops");
        node.HasIndex(n => n.ParentId);
        node.Property(n => n.Code).HasMaxLength(24);
        node.Property(n => n.Path).HasMaxLength(200);
        node.Property(n => n.Name).HasMaxLength(100);
        node.Property(n => n.NameEn).HasMaxLength(100);
        node.Property(n => n.Geometry).HasConversion(new GeometryWkbConverter());
        node.HasOne(n => n.Parent).WithMany(n => n.Children).HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
