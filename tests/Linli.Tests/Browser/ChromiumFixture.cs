using Microsoft.Playwright;

namespace Linli.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One headless Chromium for all browser tests: Debian's /usr/bin/chromium driven by Playwright. Nothing is ever
/// downloaded; each test gets its own browser context (cookies, language), so tests do not share state.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No browser at {ExecutablePath}. Install Debian's package (apt-get install -y chromium); the tests never download one.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        // Generous waits: the browser tests share the machine with the database tests running in parallel.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh context as a resident in China would have it: zh-CN, China time, a phone-sized screen unless told.
    /// CSP is bypassed only so that axe-core can be injected into the page. <paramref name="javaScriptEnabled"/> false checks
    /// that pages work as plain HTML forms.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(int width = 390, int height = 844, bool javaScriptEnabled = true) =>
        _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = true,
            JavaScriptEnabled = javaScriptEnabled,
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
