"""Original demo content for ``python manage.py load_demo``: an invented think tank with
research areas, series, experts and forty publications. Everything here was written for
this project; the people, institutions and figures are fictional."""
