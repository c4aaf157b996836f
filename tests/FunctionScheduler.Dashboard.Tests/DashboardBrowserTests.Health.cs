using System.Text.Json.Nodes;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionScheduler.Dashboard.Tests;

// Health on the page: a body check that fails, auto-pause, the failure action's outcome, and an overdue task.
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_FailingAndOverdueTasks_ShowHealthAutoPauseAndNotifications()
    {
        var page = await fixture.Chromium.NewPageAsync();
        await OpenWithKeyAsync(page, "#/new");

        // Created through the form: the target answers 200 {"ok":true}, which fails "must contain ready".
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("browser-failing");
        await page.GetByLabel("Cron expression").FillAsync("* * * * * *");
        await page.GetByLabel("URL").FillAsync(fixture.HookUrl);
        await page.GetByLabel("Body must contain").FillAsync("ready");
        await page.GetByLabel("Notify at").FillAsync(fixture.AlertsUrl);
        await page.GetByLabel("Auto-pause after").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        // Two failed runs, then the scheduler pauses it and says why; each run's notification is shown with it.
        await Expect(page.Locator("#detail-title .badge")).ToHaveTextAsync("paused", new() { Timeout = 45_000 });
        var health = page.Locator(".cards .health");
        await Expect(health).ToContainTextAsync("Paused after 2 failed runs in a row", PatientText);
        await Expect(health).ToContainTextAsync("2 failed in a row");
        await Expect(page.Locator("table.runs tbody tr")).ToHaveCountAsync(2, new() { Timeout = 45_000 });
        await Expect(page.Locator("table.runs").GetByText("assertion").First).ToBeVisibleAsync();
        await Expect(page.Locator("table.runs .notification-succeeded")).ToHaveCountAsync(2);
        await Expect(page.Locator("dl.definition")).ToContainTextAsync("body contains \"ready\"");
        await Expect(page.Locator("dl.definition")).ToContainTextAsync("POST " + fixture.AlertsUrl);
        await Chromium.ScreenshotAsync(page, "task-health");
        Assert.Equal(2, fixture.Target.RequestsTo("/alerts").Count);

        // A run-now claimed by an instance that stopped: the next check marks the task overdue.
        var body = new JsonObject
        {
            ["id"] = "browser-overdue",
            ["schedule"] = new JsonObject { ["at"] = "2099-01-01T00:00:00Z" },
            ["target"] = new JsonObject { ["url"] = fixture.HookUrl },
            ["overdueTolerance"] = "PT1S",
        };
        using (var created = await fixture.Host.Client.PostAsync("api/tasks", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            created.EnsureSuccessStatusCode();
        }

        var store = fixture.Host.Services.GetRequiredService<ITaskStore>();
        var task = (await store.GetAsync("browser-overdue"))!;
        var requestedAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        var orphan = new ClaimedOccurrence(Occurrence.Manual(requestedAt), "stopped-instance", requestedAt.AddHours(1), 1);
        var stored = await store.UpdateStateAsync(task, task.State with { InFlight = [orphan] });
        await fixture.Host.Services.GetRequiredService<OverdueMonitor>().CheckAsync(stored);

        await page.GetByRole(AriaRole.Link, new() { Name = "← All tasks" }).ClickAsync();
        await Expect(page.Locator("tr[data-task='browser-overdue'] .flag-overdue")).ToHaveTextAsync("overdue");
        await Expect(page.Locator("tr[data-task='browser-failing'] .flag-failing")).ToHaveTextAsync("auto-paused");
        await Chromium.ScreenshotAsync(page, "task-list-health");

        await page.Locator("tr[data-task='browser-overdue']").GetByRole(AriaRole.Link, new() { Name = "browser-overdue" }).ClickAsync();
        await Expect(page.Locator(".cards .overdue-text")).ToContainTextAsync("Overdue since");
        await Expect(page.Locator(".cards .overdue-text")).ToContainTextAsync("run-now");
    }

    private static readonly LocatorAssertionsToContainTextOptions PatientText = new() { Timeout = 45_000 };
}
