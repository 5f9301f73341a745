"""Settings from the environment or `.env`, read once through `get_settings()`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

LOCAL_BOLT_PORT = 7687
LOCAL_HTTP_PORT = 7474


class Settings(BaseSettings):
    """duikou's settings. Unset `NEO4J_URI` means: use (and start when asked) the local Neo4j."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str | None = Field(
        default=None, description="an existing server; when set, nothing is started"
    )
    neo4j_user: str = "neo4j"
    neo4j_password: str = "duikou-dev"
    neo4j_database: str = "neo4j"
    neo4j_bolt_port: int = Field(
        default=LOCAL_BOLT_PORT, description="the local server's Bolt port (loopback)"
    )
    neo4j_http_port: int = Field(default=LOCAL_HTTP_PORT, description="the local server's HTTP/Browser port")
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    cors_origins: list[str] = Field(default_factory=lambda: ["*"])
    state_dir: Path = Field(
        default=Path(".duikou"),
        validation_alias="DUIKOU_STATE_DIR",
        description="git-ignored folder for the local Neo4j's data, logs and pid file",
    )

    @property
    def uses_local_neo4j(self) -> bool:
        """True when duikou manages its own Neo4j (no `NEO4J_URI` given)."""
        return not self.neo4j_uri

    @property
    def bolt_uri(self) -> str:
        """The Bolt URI to connect to."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache to change them)."""
    return Settings()
