import re

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.requests import allow_methods

from . import consent, ratelimit, services, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber

ONE_CLICK = "One-Click"
# What Subscriber.token looks like; anything else is not looked up at all.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _rate_limited(request, wait: int):
    response = render(
        request, "subscriptions/rate_limited.html", {"wait_minutes": -(-wait // 60)}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


def _link_problem(request, *, expired: bool, status: int = 400):
    return render(request, "subscriptions/link_invalid.html", {"expired": expired}, status=status)


# No CSRF token, by design: the form on every page must be the same bytes for every reader so
# pages can be cached and shared, and a forged sign-up changes nothing (nothing is sent but the
# confirmation e-mail, and nothing is delivered until its link is used); the honeypot and the
# rate limits stay. README, "Subscriptions and e-mail".
@csrf_exempt
@never_cache
@allow_methods("GET", "HEAD", "POST")
def subscribe(request):
    """The sign-up page, and where the form on every page posts to."""
    if request.method == "POST":
        if wait := ratelimit.ip_wait(request):
            return _rate_limited(request, wait)
        form = SubscribeForm(request.POST)
        if form.is_bot:
            # Looks like any other sign-up from outside; nothing is stored or sent.
            return HttpResponseRedirect(reverse("subscriptions:thanks"))
        if form.is_valid():
            data = form.cleaned_data
            if wait := ratelimit.address_wait(data["email"]):
                return _rate_limited(request, wait)
            services.subscriber_sign_up(
                email=data["email"],
                newsletters=data["newsletters"],
                first_name=data["first_name"].strip(),
                last_name=data["last_name"].strip(),
                source=data["source"] or request.path,
                consent_version=data["consent_version"],
            )
            return HttpResponseRedirect(reverse("subscriptions:thanks"))
    else:
        form = SubscribeForm(initial={"source": request.path})
    return render(request, "subscriptions/subscribe.html", {"subscribe_form": form})


def thanks(request):
    return render(request, "subscriptions/thanks.html")


@never_cache
@allow_methods("GET", "HEAD", "POST")
def confirm(request, token):
    """GET shows a button, POST confirms: link checkers that open every link in an e-mail
    must not subscribe anyone."""
    try:
        sign_up = services.sign_up_for_token(token)
    except tokens.LinkExpired:
        return _link_problem(request, expired=True)
    except tokens.LinkInvalid:
        return _link_problem(request, expired=False)
    subscriber = sign_up.subscriber
    if request.method == "POST":
        subscriber = services.subscriber_confirm(sign_up=sign_up, source=request.path)
        return render(
            request,
            "subscriptions/confirmed.html",
            {"subscriber": subscriber, "manage_token": tokens.manage_token(subscriber.token)},
        )
    newsletters = subscriber.newsletters.filter(slug__in=sign_up.newsletters)
    return render(
        request, "subscriptions/confirm.html", {"subscriber": subscriber, "newsletters": newsletters}
    )


@never_cache
@allow_methods("GET", "HEAD", "POST")
def manage(request, token):
    try:
        subscriber = Subscriber.objects.filter(token=tokens.read_manage_token(token)).first()
    except tokens.LinkExpired:
        return _link_problem(request, expired=True)
    except tokens.LinkInvalid:
        subscriber = None
    if subscriber is None:
        return _link_problem(request, expired=False)
    current = {
        s.newsletter.slug for s in subscriber.subscriptions.select_related("newsletter") if s.confirmed_at
    }
    if request.method == "POST" and subscriber.is_receiving:
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.subscriber_update_preferences(
                subscriber=subscriber,
                newsletters=form.cleaned_data["newsletters"],
                first_name=form.cleaned_data["first_name"].strip(),
                last_name=form.cleaned_data["last_name"].strip(),
                source=request.path,
            )
            return HttpResponseRedirect(f"{request.path}?saved=1")
    else:
        form = PreferencesForm(
            initial={
                "first_name": subscriber.first_name,
                "last_name": subscriber.last_name,
                "newsletters": sorted(current),
            }
        )
    return render(
        request,
        "subscriptions/manage.html",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": request.GET.get("saved") == "1",
            "consent_text": consent.wording(),
        },
    )


def _is_one_click(request) -> bool:
    """RFC 8058: the body is ``List-Unsubscribe=One-Click``, sent as a form (either encoding)
    or, by some clients, as bare text."""
    if request.POST.get("List-Unsubscribe") == ONE_CLICK:
        return True
    if request.content_type in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        return False
    return request.body.strip() == b"List-Unsubscribe=One-Click"


@csrf_exempt  # mail providers POST here with no cookies; the secret token is the proof
@never_cache
@allow_methods("GET", "HEAD", "POST")
def unsubscribe(request, token):
    """The List-Unsubscribe address. POST leaves everything at once and answers 200 (no
    redirect: mail providers do not follow one); GET only asks, because link checkers open it."""
    subscriber = Subscriber.objects.filter(token=token).first() if TOKEN_SHAPE.fullmatch(token) else None
    if subscriber is None:
        return _link_problem(request, expired=False, status=404)
    if request.method == "POST":
        if not _is_one_click(request):
            return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber}, status=400)
        services.subscriber_unsubscribe(subscriber=subscriber, source=request.path)
        return render(request, "subscriptions/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})
