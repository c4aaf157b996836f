using System.Text.RegularExpressions;
using FunctionScheduler.Dashboard.Tests.Support;
using FunctionScheduler.Standalone.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionScheduler.Dashboard.Tests;

/// <summary>
/// A person's session with the dashboard, in Chromium against the real standalone host: key, create through the
/// form, watch it fire, pause and resume, run now, a bad cron shown under its field, edit, delete. Each page is
/// photographed into TestResults/screenshots.
/// </summary>
public sealed partial class DashboardBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Secret = "Bearer browser-secret-5f1c9a";

    // Fires and refreshes are real: a task that fires every 2 seconds and a page that refreshes every 5.
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 45_000 };

    [Fact]
    public async Task Dashboard_TaskLifecycleThroughThePage_EveryActionShowsItsResult()
    {
        var page = await fixture.Chromium.NewPageAsync();
        await OpenWithKeyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks" })).ToBeVisibleAsync();

        // Create through the form, with the live preview of the schedule.
        await page.GetByRole(AriaRole.Link, new() { Name = "New task" }).First.ClickAsync();
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("browser-hello");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser hello");
        await page.GetByLabel("Cron expression").FillAsync("*/2 * * * * *");
        await page.GetByLabel("URL").FillAsync(fixture.HookUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add header" }).ClickAsync();
        await page.GetByLabel("Header name").FillAsync("X-Env");
        await page.GetByLabel("Header value").FillAsync("browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add secret header" }).ClickAsync();
        await page.GetByLabel("Secret header name").FillAsync("Authorization");
        await page.GetByLabel("Secret header value").FillAsync(Secret);
        var preview = page.Locator(".preview");
        await Expect(preview.GetByText("Every 2 seconds, UTC")).ToBeVisibleAsync();
        await Expect(preview.Locator("li")).ToHaveCountAsync(5);
        await Chromium.ScreenshotAsync(page, "form-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        // The task page: it fires, and the run appears in the history by itself.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "browser-hello" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.runs td .status-succeeded").First).ToBeVisibleAsync(Patient);
        await Expect(page.Locator("ol.occurrences li")).ToHaveCountAsync(10);
        await Expect(page.Locator(".chart svg rect").First).ToBeAttachedAsync();
        await Chromium.ScreenshotAsync(page, "task-detail");

        // Pause and resume.
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await Expect(page.Locator("#detail-title .badge")).ToHaveTextAsync("paused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(page.Locator("#detail-title .badge")).ToHaveTextAsync("active");

        // Run now: a manual run shows up in the history.
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Expect(page.Locator("table.runs").GetByText("run now").First).ToBeVisibleAsync(Patient);

        // Edit with a bad cron: the API's problem appears under the cron field, live and on save.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Cron expression")).ToHaveValueAsync("*/2 * * * * *");
        await Expect(page.GetByLabel("Secret header value")).ToHaveValueAsync(string.Empty);
        await page.GetByLabel("Cron expression").FillAsync("61 * * * *");
        var cronError = page.Locator("[data-pointer='/schedule/cron'] .error");
        await Expect(cronError).ToBeVisibleAsync();
        await Expect(cronError).ToContainTextAsync(MinutesRule());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".form-summary")).ToContainTextAsync("not saved");
        await Expect(cronError).ToContainTextAsync(MinutesRule());
        await Expect(page.GetByLabel("Cron expression")).ToHaveAttributeAsync("aria-invalid", "true");
        await Chromium.ScreenshotAsync(page, "form-error");

        // Fix it and save: the schedule in words changes, the secret was kept and never shown.
        await page.GetByLabel("Cron expression").FillAsync("0 0 * * * *");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".cards .schedule-text")).ToHaveTextAsync("Every hour, UTC");
        await Expect(page.Locator("dl.definition")).ToContainTextAsync("Authorization: •••• (write-only)");
        Assert.DoesNotContain("browser-secret", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.All(fixture.Target.RequestsTo("/hook"), request => Assert.Equal([Secret], request.Headers["Authorization"]));

        // The list, wide and on a phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "← All tasks" }).ClickAsync();
        var row = page.Locator("tr[data-task='browser-hello']");
        await Expect(row.GetByText("Every hour, UTC")).ToBeVisibleAsync();
        await Expect(row.Locator(".mark-succeeded").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "task-list");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(row.GetByText("Every hour, UTC")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "task-list-phone");
        await page.SetViewportSizeAsync(1366, 900);

        // Delete, after a confirmation.
        await row.GetByRole(AriaRole.Link, new() { Name = "browser-hello" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Delete task browser-hello");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText("Deleted browser-hello.")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-task='browser-hello']")).ToHaveCountAsync(0);
        using var gone = await fixture.Host.Client.GetAsync("api/tasks/browser-hello");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Dashboard_CreateWithBadValues_ShowsEachProblemUnderItsField()
    {
        var page = await fixture.Chromium.NewPageAsync(390, 844);
        await OpenWithKeyAsync(page, "#/new");

        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("bad id!");
        await page.GetByLabel("Cron expression").FillAsync("* * *");
        await page.GetByLabel("URL").FillAsync("ftp://example.com/x");
        await page.GetByLabel("Attempts").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Locator("[data-pointer='/id'] .error")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-pointer='/schedule/cron'] .error")).ToContainTextAsync("5 fields");
        await Expect(page.Locator("[data-pointer='/target/url'] .error")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-pointer='/target/retry/maxAttempts'] .error")).ToContainTextAsync("at most 10");
        await Chromium.ScreenshotAsync(page, "form-errors-phone");
        using var absent = await fixture.Host.Client.GetAsync("api/tasks?pageSize=100");
        Assert.DoesNotContain("bad id!", await absent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LoopbackTargetOutsideTheAllowList_CreateShowsTheWarning()
    {
        var page = await fixture.Chromium.NewPageAsync();
        await OpenWithKeyAsync(page, "#/new");

        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("warned");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Interval" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Interval" }).FillAsync("PT1H");
        await page.GetByLabel("URL").FillAsync("http://10.1.2.3/hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Locator(".message .warning-text")).ToContainTextAsync("not public");
        await Expect(page.Locator(".warnings")).ToContainTextAsync("10.1.2.3 is private");
        await Expect(page.Locator(".cards .schedule-text")).ToHaveTextAsync("Every hour");
    }

    [Fact]
    public async Task Dashboard_ApiCalls_SendTheKeyInAHeaderAndNeverInAUrl()
    {
        var page = await fixture.Chromium.NewPageAsync();
        var calls = new List<IRequest>();
        page.Request += (_, request) => calls.Add(request);
        await OpenWithKeyAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks" })).ToBeVisibleAsync();
        await Expect(page.Locator("#main p.muted").First).ToContainTextAsync("task");

        var apiCalls = calls.Where(c => c.Url.Contains("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.Equal(StandaloneTestHost.ApiKey, call.Headers["x-api-key"]));
        Assert.All(calls, call => Assert.DoesNotContain(StandaloneTestHost.ApiKey, call.Url, StringComparison.Ordinal));
        Assert.Equal(StandaloneTestHost.ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('functionscheduler.key')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
    }

    private async Task OpenWithKeyAsync(IPage page, string hash = "")
    {
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/" + hash).AbsoluteUri);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Enter the API key");
        await dialog.GetByLabel("Key").FillAsync(StandaloneTestHost.ApiKey);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
    }

    [GeneratedRegex("Minutes", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesRule();
}
