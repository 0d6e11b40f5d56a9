"""The HTTP shell every service runs in: lifespan (indexes, broker, background work),
operations routes, errors."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TypeVar

import uvicorn
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker
from prometheus_client import CollectorRegistry

from shared.errors import DomainError
from shared.mongo import MongoClient, is_reachable
from shared.observability import configure_logging, operations_router
from shared.settings import ServiceSettings

SettingsT = TypeVar("SettingsT", bound=ServiceSettings)


def create_service_app(
    *,
    service: str,
    description: str,
    broker: KafkaBroker,
    mongo: MongoClient,
    registry: CollectorRegistry,
    routers: Sequence[APIRouter] = (),
    on_startup: Sequence[Callable[[], Awaitable[None]]] = (),
    background: Sequence[Callable[[], Awaitable[None]]] = (),
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for prepare in on_startup:
            await prepare()
        await broker.start()
        tasks = [asyncio.create_task(work()) for work in background]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await broker.stop()
            await mongo.close()

    async def broker_ready() -> bool:
        return await broker.ping(timeout=2)

    async def store_ready() -> bool:
        return await is_reachable(mongo)

    app = FastAPI(
        title=f"Ombud {service}", description=description, version="1.0.0", lifespan=lifespan
    )
    app.state.broker = broker  # for the AsyncAPI document, generated from the same objects
    app.add_exception_handler(DomainError, domain_error_response)
    app.include_router(
        operations_router(
            registry=registry, readiness={"kafka": broker_ready, "mongodb": store_ready}
        )
    )
    for router in routers:
        app.include_router(router)
    return app


async def domain_error_response(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    return JSONResponse(
        {"detail": error.detail}, status_code=error.status_code, headers=error.headers
    )


def run_service(
    *, service: str, settings: SettingsT, create_app: Callable[[SettingsT], FastAPI]
) -> None:
    """Configure logging, build the app, and serve it until SIGTERM."""
    configure_logging(service=service, level=settings.log_level, json_output=settings.log_json)
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None, access_log=False)
