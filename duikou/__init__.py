"""duikou (对口): a knowledge graph of China's inter-regional cooperation."""

__version__ = "0.1.0"
