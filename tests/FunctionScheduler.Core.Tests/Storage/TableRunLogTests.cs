using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class TableRunLogTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private TableRunLog Runs { get; } = new(azurite.Tables);

    [Fact]
    public async Task RecordAsync_FullRecord_ReadsBackEqual()
    {
        var id = NewId("full");
        var run = Run(id, Occurrence.Scheduled(T0, T0.AddSeconds(3)), RunStatus.Failed) with { Attempts = 3 };

        await Runs.RecordAsync(run);

        Assert.Equal(run, await Runs.GetAsync(id, run.Occurrence, run.Generation));
    }

    [Fact]
    public async Task RecordAsync_SigningKeyIds_ReadBackInOrder()
    {
        var id = NewId("keys");
        var run = Run(id, Occurrence.Scheduled(T0, T0)) with { SigningKeyIds = ["key-2026-03", "key-2026-02"] };

        await Runs.RecordAsync(run);
        var read = await Runs.GetAsync(id, run.Occurrence, run.Generation);

        Assert.NotNull(read);
        Assert.Equal(["key-2026-03", "key-2026-02"], read.SigningKeyIds);
        Assert.Equal(run with { SigningKeyIds = null }, read with { SigningKeyIds = null });
        Assert.Null((await Runs.GetAsync(id, run.Occurrence, run.Generation + 1))?.SigningKeyIds);
    }

    [Fact]
    public async Task RecordAsync_MissedRecordWithoutOptionalFields_ReadsBackNulls()
    {
        var id = NewId("missed");
        var occurrence = Occurrence.Scheduled(T0, T0);
        var run = new RunRecord
        {
            TaskId = id,
            RunId = RunId.For(id, occurrence, 3),
            Occurrence = occurrence,
            Generation = 3,
            Status = RunStatus.Missed,
            MissedCount = 12,
            MissedFrom = T0.AddHours(-11),
        };

        await Runs.RecordAsync(run);

        Assert.Equal(run, await Runs.GetAsync(id, occurrence, 3));
    }

    [Fact]
    public async Task RecordAsync_SubMillisecondInstants_KeepEveryTick()
    {
        var id = NewId("ticks");
        var scheduled = T0.AddTicks(1234567);
        var run = Run(id, Occurrence.Scheduled(scheduled, scheduled.AddTicks(89)));

        await Runs.RecordAsync(run);

        var read = await Runs.GetAsync(id, run.Occurrence, run.Generation);
        Assert.Equal(run.Occurrence, read?.Occurrence);
        Assert.Equal(run.StartedAt, read?.StartedAt);
    }

    [Fact]
    public async Task RecordAsync_SameOccurrenceTwice_KeepsOneRowWithSecondContent()
    {
        var id = NewId("twice");
        var occurrence = Occurrence.Scheduled(T0, T0);
        var first = Run(id, occurrence, RunStatus.Failed);
        var second = Run(id, occurrence) with { Attempts = 2, ResponseSnippet = null, Error = null };

        await Runs.RecordAsync(first);
        await Runs.RecordAsync(second);

        var page = await Runs.ListAsync(id, 10, null);
        Assert.Equal(second, Assert.Single(page.Items));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task RecordAsync_ManualAndScheduledAtSameInstant_KeepsBoth()
    {
        var id = NewId("kinds");

        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0, T0)));
        await Runs.RecordAsync(Run(id, Occurrence.Manual(T0)));

        var page = await Runs.ListAsync(id, 10, null);
        Assert.Equal([OccurrenceKind.Scheduled, OccurrenceKind.Manual], page.Items.Select(r => r.Occurrence.Kind).Order());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(25, 1)]
    [InlineData(7, 4)]
    public async Task ListAsync_ManyRuns_ReturnsNewestFirstAcrossPages(int pageSize, int expectedPages)
    {
        var id = NewId("paged");
        var count = pageSize == 1 ? 1 : 25;
        foreach (var minute in Enumerable.Range(0, count).OrderBy(m => (m * 7) % count))
        {
            await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddMinutes(minute), T0.AddMinutes(minute))));
        }

        var pages = new List<Core.Storage.RunPage>();
        string? token = null;
        do
        {
            var page = await Runs.ListAsync(id, pageSize, token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 50);

        var expected = Enumerable.Range(0, count).Reverse().Select(m => T0.AddMinutes(m));
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(r => r.Occurrence.ScheduledAt));
        Assert.Equal(expectedPages, pages.Count(p => p.Items.Count > 0));
        Assert.Null(token);
    }

    [Fact]
    public async Task ListAsync_TokenOfAnotherTasksRuns_ThrowsInvalidContinuationToken()
    {
        var (mine, other) = (NewId("mine"), NewId("other"));
        foreach (var id in (string[])[mine, other])
        {
            await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0, T0)));
            await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddMinutes(1), T0.AddMinutes(1))));
        }

        var first = await Runs.ListAsync(mine, 1, null);
        Assert.NotNull(first.ContinuationToken);

        await Assert.ThrowsAsync<Core.Storage.InvalidContinuationTokenException>(() => Runs.ListAsync(other, 1, first.ContinuationToken));
        Assert.Single((await Runs.ListAsync(mine, 1, first.ContinuationToken)).Items);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1024, 1024)]
    [InlineData(1025, 1024)]
    [InlineData(50_000, 1024)]
    public async Task RecordAsync_ResponseSnippet_IsCutToMaxSnippetLength(int length, int expectedLength)
    {
        var id = NewId("snippet");
        var snippet = new string('x', length);
        var run = Run(id, Occurrence.Scheduled(T0, T0)) with { ResponseSnippet = snippet };

        await Runs.RecordAsync(run);

        var read = await Runs.GetAsync(id, run.Occurrence, run.Generation);
        Assert.Equal(snippet[..expectedLength], read?.ResponseSnippet);
    }

    [Fact]
    public async Task RecordAsync_SnippetWithSurrogatePairAtLimit_CutsBeforeThePair()
    {
        var id = NewId("emoji");
        var snippet = new string('x', RunRecord.MaxSnippetLength - 1) + "\U0001F600" + "tail";
        var run = Run(id, Occurrence.Scheduled(T0, T0)) with { ResponseSnippet = snippet };

        await Runs.RecordAsync(run);

        var read = await Runs.GetAsync(id, run.Occurrence, run.Generation);
        Assert.Equal(new string('x', RunRecord.MaxSnippetLength - 1), read?.ResponseSnippet);
    }

    [Fact]
    public async Task DeleteAllAsync_MoreRunsThanOneBatch_DeletesOnlyThatTasksRuns()
    {
        var id = NewId("purge");
        var other = NewId("keep");
        var rows = Enumerable.Range(0, 250)
            .Select(i => RunRow.ToEntity(Run(id, Occurrence.Scheduled(T0.AddSeconds(i), T0.AddSeconds(i)))));
        foreach (var chunk in rows.Chunk(100))
        {
            await azurite.Tables.Runs.SubmitTransactionAsync(chunk.Select(r => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, r)));
        }

        await Runs.RecordAsync(Run(other, Occurrence.Scheduled(T0, T0)));

        await Runs.DeleteAllAsync(id);

        Assert.Empty((await Runs.ListAsync(id, 1000, null)).Items);
        Assert.Single((await Runs.ListAsync(other, 1000, null)).Items);
    }

    [Fact]
    public async Task GetAsync_UnrecordedOccurrence_ReturnsNull()
    {
        var id = NewId("none");
        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0, T0)));

        Assert.Null(await Runs.GetAsync(id, Occurrence.Scheduled(T0.AddMinutes(1), T0.AddMinutes(1)), 2));
        Assert.Null(await Runs.GetAsync(id, Occurrence.Manual(T0), 2));
        Assert.Null(await Runs.GetAsync(NewId("unknown"), Occurrence.Scheduled(T0, T0), 2));
        Assert.Null(await Runs.GetAsync(id, Occurrence.Scheduled(T0, T0), 3));
    }

    [Fact]
    public async Task RecordAsync_SameInstantInTwoGenerations_KeepsTwoRowsEachReadByItsGeneration()
    {
        var id = NewId("gens");
        var occurrence = Occurrence.Scheduled(T0, T0);
        var first = Run(id, occurrence) with { Generation = 1, RunId = RunId.For(id, occurrence, 1), HttpStatus = 201 };
        var second = Run(id, occurrence) with { Generation = 2, RunId = RunId.For(id, occurrence, 2), HttpStatus = 202 };

        await Runs.RecordAsync(first);
        await Runs.RecordAsync(second);

        Assert.Equal(first, await Runs.GetAsync(id, occurrence, 1));
        Assert.Equal(second, await Runs.GetAsync(id, occurrence, 2));
        Assert.Equal(2, (await Runs.ListAsync(id, 10, null)).Items.Count);
    }
}
