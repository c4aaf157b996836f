using Microsoft.Playwright;

namespace FunctionScheduler.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium under Playwright: Playwright cannot download a browser of its own here, so it is pointed at
/// /usr/bin/chromium (scripts/test.sh installs the package), headless, without the sandbox (sessions and CI run as
/// root, where Chromium refuses to start sandboxed). Screenshots go to <see cref="ScreenshotFolder"/>.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>TestResults/screenshots at the repository root (or FUNCTIONSCHEDULER_SCREENSHOTS).</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: scripts/test.sh installs Debian's chromium package (apt-get install chromium).");
        }

        // The machine is shared and two cores: the page's own waits get room, never a weaker assertion.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            Timeout = 60_000,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh context (its own session storage) at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot of the page as <paramref name="name"/>.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string FindScreenshotFolder()
    {
        if (Environment.GetEnvironmentVariable("FUNCTIONSCHEDULER_SCREENSHOTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FunctionScheduler.sln")))
            {
                return Path.Combine(directory.FullName, "TestResults", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
