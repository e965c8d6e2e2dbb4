from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.requests import allow_methods
from publications.models import Publication
from research_areas.models import ResearchArea
from subscriptions import ratelimit

from . import calendars, services, tokens
from .filters import EventFilter
from .forms import RegistrationForm
from .models import Event, Registration, Speaker

PAGE_SIZE = 12
PAST_ON_FIRST_PAGE = 6
FRAMES = {"frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]}


class EventListView(FilterView):
    """Upcoming events, soonest first, then the latest past ones (all of them on /events/past/)."""

    filterset_class = EventFilter
    template_name = "events/event_list.html"
    past_only = False

    def get_queryset(self):
        return Event.objects.published().with_cards()

    def get_paginate_by(self, queryset):
        return PAGE_SIZE if self.past_only else None

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        context = super().get_context_data(**kwargs)
        events = context["object_list"]
        if self.past_only:
            context.update(past=context["page_obj"].object_list)
        else:
            context.update(upcoming=list(events.upcoming()), past=list(events.past()[:PAST_ON_FIRST_PAGE]))
        return context | {"past_only": self.past_only, "filter_query": query.urlencode()}

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(queryset.past(), page_size)


def _speakers() -> Prefetch:
    return Prefetch("speakers", queryset=Speaker.objects.select_related("author").order_by("position", "id"))


class EventDetailView(DetailView):
    """One event. Its speakers, topics and related publications take a fixed number of queries."""

    context_object_name = "event"

    def get_queryset(self):
        return detail_queryset(Event.objects.published())

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | people(self.object)


def detail_queryset(events):
    related = Publication.objects.published().with_cards()
    return events.select_related("type", "series").prefetch_related(
        _speakers(),
        "areas",
        "regions",
        Prefetch("related_publications", queryset=related, to_attr="publications"),
    )


def people(event) -> dict:
    speakers = list(event.speakers.all())
    return {
        "speakers": [s for s in speakers if s.role == Speaker.Role.SPEAKER],
        "moderators": [s for s in speakers if s.role == Speaker.Role.MODERATOR],
    }


@never_cache
def preview(request, slug):
    """An event as readers will see it, for staff who may see events (a draft included): never
    cached or indexed. Anyone else gets a 404, so drafts' addresses reveal nothing."""
    if not (request.user.is_active and request.user.is_staff and request.user.has_perm("events.view_event")):
        raise Http404("No such event.")
    event = get_object_or_404(detail_queryset(Event.objects.all()), slug=slug)
    context = {"event": event, "preview": True} | people(event)
    response = render(request, "events/event_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response._csp_update = FRAMES
    return response


def event_detail(request, *args, **kwargs):
    response = EventDetailView.as_view()(request, *args, **kwargs)
    # The recording's no-cookie player, and nothing else, may be framed.
    response._csp_update = FRAMES
    return response


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _calendar_response(calendars.event_calendar(event), f"{event.slug}.ics")


def calendar_ics(request, area=None):
    """The subscribable calendar of upcoming events (cancelled ones stay, marked, so calendar
    programs take them out), for the whole site or one research area."""
    events = Event.objects.published().upcoming()
    name = f"{settings.SITE_NAME} events"
    if area is not None:
        area = get_object_or_404(ResearchArea, slug=area)
        events = events.filter(areas=area)
        name = f"Events: {area.name}"
    return _calendar_response(calendars.calendar(events, name=name), "events.ics")


def _rate_limited(request, wait: int):
    response = render(
        request, "subscriptions/rate_limited.html", {"wait_minutes": -(-wait // 60)}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


# Not a cached page and CSRF-protected (README, "Events"): the event page only links here.
@never_cache
@allow_methods("GET", "HEAD", "POST")
def register(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("type"), slug=slug)
    if event.registration == Event.Registration.EXTERNAL and event.registration_url:
        return HttpResponseRedirect(event.registration_url)
    if event.registration != Event.Registration.BUILT_IN:
        raise Http404("This event takes no registration.")
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST" and event.registration_open:
        if wait := ratelimit.ip_wait(request):
            return _rate_limited(request, wait)
        if form.is_bot:  # answered like any registration; nothing stored or sent
            return HttpResponseRedirect(reverse("events:registered", kwargs={"slug": slug}))
        if form.is_valid():
            data = form.cleaned_data
            if wait := ratelimit.address_wait(data["email"]):
                return _rate_limited(request, wait)
            try:
                outcome = services.registration_create(
                    event=event,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"].strip(),
                    newsletters=data["newsletters"],
                    source=event.get_absolute_url(),
                )
            except services.RegistrationClosed:
                event.refresh_from_db()
            else:
                url = reverse("events:registered", kwargs={"slug": slug})
                return HttpResponseRedirect(f"{url}?waitlist=1" if outcome.waitlisted else url)
        status = 400
    if request.method == "POST" and not event.registration_open:
        status = 409
    return render(request, "events/register.html", {"event": event, "form": form}, status=status)


@never_cache
def registered(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return render(
        request, "events/registered.html", {"event": event, "waitlisted": request.GET.get("waitlist") == "1"}
    )


@never_cache
@allow_methods("GET", "HEAD", "POST")
def cancel(request, token):
    """GET asks, POST cancels: mail scanners that open every link must not cancel anyone."""
    try:
        key = tokens.read_cancel_token(token)
    except tokens.LinkInvalid:
        key = None
    registration = Registration.objects.select_related("event").filter(token=key).first() if key else None
    if registration is None:
        return render(request, "events/cancel.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        registration.refresh_from_db()
        done = True
    return render(
        request,
        "events/cancel.html",
        {"registration": registration, "event": registration.event, "done": done},
    )
