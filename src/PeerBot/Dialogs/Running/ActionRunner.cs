using System.Text;
using PeerBot.Conversations;
using PeerBot.Dialogs.Definitions;
using PeerBot.Dialogs.SafetyPlans;
using PeerBot.Resources;
using PeerBot.Scheduling;

namespace PeerBot.Dialogs.Running;

/// <summary>Steps that reach outside the engine: the resource directory, the client's safety plan, goals and schedules.</summary>
internal sealed class ActionRunner(IServiceScopeFactory scopes)
{
    private readonly GoalActions _goals = new(scopes);

    public async Task RunAsync(TurnContext ctx, DialogFrame frame, StepDefinition step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case var goal when GoalActions.Handles(goal):
                await _goals.RunAsync(ctx, frame, goal, cancellationToken);
                break;
            case FindResourcesStep find:
                await FindAsync(ctx, frame, find, cancellationToken);
                break;
            case PlanSaveStep save:
                var text = ctx.Lookup(save.From, frame);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    var plans = ctx.Services(scopes).GetRequiredService<SafetyPlanStore>();
                    await plans.SaveSectionAsync(ctx.Input.ConversationKey, save.Section, new ClientText(text), cancellationToken);
                }
                break;
            case PlanShowStep show:
                await ShowPlanAsync(ctx, frame, show, cancellationToken);
                break;
            case ScheduleStatusStep status:
                await ScheduleViews.StatusAsync(ctx, frame, status, ctx.Services(scopes).GetRequiredService<CheckInScheduler>(), cancellationToken);
                break;
            case ScheduleListStep list:
                await ScheduleViews.ListAsync(ctx, frame, list, ctx.Services(scopes).GetRequiredService<CheckInScheduler>(), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Step type {step.GetType().Name} has no runner.");
        }
    }

    /// <summary>Whether the reminder a numbered cancel names exists (the list may have changed since it was shown).</summary>
    public async Task<bool> ReminderExistsAsync(TurnContext ctx, DialogFrame frame, ScheduleCancelStep step, CancellationToken cancellationToken)
    {
        if (!int.TryParse(ctx.Render(step.Number!, frame), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            return false;
        var overview = await ctx.Services(scopes).GetRequiredService<CheckInScheduler>().OverviewAsync(ctx.Input.ConversationKey, cancellationToken);
        return number <= overview.Reminders.Count;
    }

    private async Task FindAsync(TurnContext ctx, DialogFrame frame, FindResourcesStep find, CancellationToken cancellationToken)
    {
        var category = ctx.Render(find.Category, frame);
        var place = find.Place is null ? null : ctx.Render(find.Place, frame).Trim();
        var directory = ctx.Services(scopes).GetRequiredService<ResourceDirectory>();
        var listings = await directory.SearchAsync(
            category, string.IsNullOrWhiteSpace(place) ? null : place, ctx.Locale, find.Max, cancellationToken);
        if (listings.Count == 0)
        {
            ctx.Say(ctx.Text(find.None, frame));
            return;
        }
        var text = new StringBuilder(ctx.Text(find.Found, frame));
        foreach (var listing in listings)
            text.Append('\n').Append(Describe(ctx, listing));
        ctx.Say(text.ToString());
    }

    private static string Describe(TurnContext ctx, ResourceListing listing)
    {
        var parts = new List<string> { $"- {listing.Name}" };
        if (!string.IsNullOrWhiteSpace(listing.Phone))
            parts.Add(Fill(ctx.GlobalText(GlobalText.Call), "phone", listing.Phone));
        if (!string.IsNullOrWhiteSpace(listing.Sms))
            parts.Add(Fill(ctx.GlobalText(GlobalText.TextTo), "sms", listing.Sms));
        if (!string.IsNullOrWhiteSpace(listing.Address))
            parts.Add(listing.Address);
        if (!string.IsNullOrWhiteSpace(listing.Hours))
            parts.Add(listing.Hours);
        if (!string.IsNullOrWhiteSpace(listing.Url))
            parts.Add(listing.Url);
        return string.Join(". ", parts);
    }

    private static string Fill(string template, string name, string value) =>
        TemplateRenderer.Render(template, n => n == name ? value : null);

    private async Task ShowPlanAsync(TurnContext ctx, DialogFrame frame, PlanShowStep show, CancellationToken cancellationToken)
    {
        var plans = ctx.Services(scopes).GetRequiredService<SafetyPlanStore>();
        var plan = await plans.GetAsync(ctx.Input.ConversationKey, cancellationToken);
        if (plan is null || plan.Sections.Count == 0)
        {
            ctx.Say(ctx.Text(show.Empty, frame));
            return;
        }
        var text = new StringBuilder(ctx.Text(show.Heading, frame));
        var number = 0;
        foreach (var section in Enum.GetValues<SafetyPlanSection>())
        {
            number++;
            if (plan.Sections.TryGetValue(section, out var words))
                text.Append('\n').Append(number).Append(". ").Append(ctx.Text(show.Titles[section], frame))
                    .Append(": ").Append(words.Value);
        }
        ctx.Say(text.ToString());
    }
}
