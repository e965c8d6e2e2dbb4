FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

# WeasyPrint (the generated PDFs) lays text out with Pango and subsets fonts with HarfBuzz; the slim
# image has neither, nor any font to draw with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

COPY . .
# collectstatic needs settings but no database or real secret.
RUN SECRET_KEY=collectstatic ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input

RUN useradd --create-home redcell && mkdir -p /app/media && chown redcell /app/media
USER redcell

EXPOSE 8000
# gunicorn reads its worker count from WEB_CONCURRENCY: about 2 × cores + 1 suits these sync
# workers. Heartbeat files in memory, not on the container's overlay disk.
ENV WEB_CONCURRENCY=3
CMD ["gunicorn", "redcell.wsgi:application", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"]
