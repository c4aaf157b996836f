using static FunctionScheduler.Core.Describing.EnglishText;

namespace FunctionScheduler.Core.Describing;

/// <summary>
/// The calendar half of a cron description: day of month, month and day of week. When both day fields are
/// restricted Cronos requires both to match (unlike Vixie cron's "either"), and the text says so.
/// </summary>
internal static class CronDayText
{
    /// <summary>"every day", "every Monday", "on weekdays", "on the last day of the month", "on 29 February"; empty when nothing needs saying.</summary>
    public static string Describe(CronField dayOfMonth, CronField month, CronField dayOfWeek, bool fixedTimes)
    {
        var monthPhrase = MonthPhrase(month);
        if (dayOfMonth.IsAll && dayOfWeek.IsAll)
        {
            if (monthPhrase is null)
            {
                return fixedTimes ? "every day" : string.Empty;
            }

            return fixedTimes ? $"every day {monthPhrase}" : monthPhrase;
        }

        var days = dayOfMonth.IsAll ? null : DayOfMonthPhrase(dayOfMonth, month);
        var weekdays = dayOfWeek.IsAll ? null : DayOfWeekPhrase(dayOfWeek);
        var text = (days, weekdays) switch
        {
            ({ } d, { } w) => $"{d}, if that is {WeekdayCondition(dayOfWeek)}",
            ({ } d, null) => d,
            (null, { } w) => w,
            _ => string.Empty,
        };

        // A day-of-month phrase names its month itself ("of March"); a weekday phrase needs the month added.
        return days is null && monthPhrase is not null ? $"{text} {monthPhrase}" : text;
    }

    private static string? MonthPhrase(CronField month)
    {
        if (month.IsAll)
        {
            return null;
        }

        if (month.Items is [{ Kind: CronItemKind.Range, Step: null } range])
        {
            return $"from {Month(range.From)} to {Month(range.To)}";
        }

        if (month.Items is [{ Kind: CronItemKind.All, Step: { } step }])
        {
            return $"every {Count(step, "month")}";
        }

        return month.Values(1, 12) is { } values ? "in " + List([.. values.Select(Month)]) : $"in months {month.Text}";
    }

    private static string DayOfMonthPhrase(CronField days, CronField month)
    {
        var of = month.IsAll ? "of the month" : month.Values(1, 12) is { } months ? "of " + List([.. months.Select(Month)]) : $"of months {month.Text}";
        if (days.Single is { } single && month.Single is { } oneMonth)
        {
            return $"on {Number(single)} {Month(oneMonth)}";
        }

        if (days.Items is [{ Kind: CronItemKind.All or CronItemKind.Value, Step: { } step } stepped])
        {
            var from = stepped.Kind == CronItemKind.All ? 1 : stepped.From;
            return $"every {Count(step, "day")} from the {Ordinal(from)} {of}";
        }

        var items = days.Items.Select(item => item.Kind switch
        {
            CronItemKind.Last when item.From == 0 => "the last day",
            CronItemKind.Last => $"{Count(item.From, "day")} before the last day",
            CronItemKind.LastWeekday when item.From == 0 => "the last weekday",
            CronItemKind.LastWeekday => $"the weekday nearest {Count(item.From, "day")} before the last day",
            CronItemKind.NearestWeekday => $"the weekday nearest the {Ordinal(item.From)}",
            CronItemKind.Range when item.Step is { } step => $"every {Count(step, "day")} from the {Ordinal(item.From)} to the {Ordinal(item.To)}",
            CronItemKind.Range => $"the {Ordinal(item.From)} to the {Ordinal(item.To)}",
            _ => $"the {Ordinal(item.From)}",
        }).ToList();
        return $"on {List(items)} {of}";
    }

    private static string DayOfWeekPhrase(CronField weekdays)
    {
        switch (weekdays.Items)
        {
            case [{ Kind: CronItemKind.Range, From: 1, To: 5, Step: null }]:
                return "on weekdays";
            case [{ Kind: CronItemKind.LastOfMonth } last]:
                return $"on the last {Day(last.From)} of the month";
            case [{ Kind: CronItemKind.NthOfMonth } nth]:
                return $"on the {NthWord(nth.To)} {Day(nth.From)} of the month";
        }

        if (weekdays.Items.All(item => item is { Kind: CronItemKind.Value, Step: null }))
        {
            return "every " + List([.. weekdays.Items.Select(item => Day(item.From))]);
        }

        return "on " + List([.. weekdays.Items.Select(WeekdayItem)]);
    }

    // "a Friday", "a Monday to Friday" read oddly; the condition form names days plainly.
    private static string WeekdayCondition(CronField weekdays) =>
        weekdays.Items is [{ Kind: CronItemKind.Value, Step: null } one] ? "a " + Day(one.From) : List([.. weekdays.Items.Select(WeekdayItem)]);

    private static string WeekdayItem(CronItem item) => item.Kind switch
    {
        CronItemKind.Range when item.Step is { } step => $"every {Ordinal(step)} day from {Day(item.From)} to {Day(item.To)}",
        CronItemKind.Range => $"{Day(item.From)} to {Day(item.To)}",
        CronItemKind.LastOfMonth => $"the last {Day(item.From)} of the month",
        CronItemKind.NthOfMonth => $"the {NthWord(item.To)} {Day(item.From)} of the month",
        CronItemKind.All when item.Step is { } step => $"every {Ordinal(step)} day of the week from Sunday",
        _ => Day(item.From),
    };
}
