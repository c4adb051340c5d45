using System.Text.Encodings.Web;
using System.Text.Unicode;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Browser;

public sealed class TmpEncoderCheck
{
    [Fact]
    public async Task Check()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var plain = await app.CreateClient().GetStringAsync("/");
        Assert.DoesNotContain("邻里：", plain);
        await using var custom = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All))));
        var html = await custom.CreateClient().GetStringAsync("/");
        Assert.Contains("邻里：", html);
        Assert.True(html.Length < plain.Length / 2, $"{html.Length} vs {plain.Length}");
    }
}
