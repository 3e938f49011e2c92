"""Runs one real Python client with every base URL of a list, one call each, so the test can see the
path that really arrives at the stand-in relay and compare it with what `relaydocs doctor` predicts.

    python probe.py '{"client": "openai", "protocol": "openai-chat", "model": "gpt-4o",
                      "cases": [{"key": "case-0", "baseURL": "http://127.0.0.1:1234/v1"}, ...]}'

Each case carries its own key, so the test tells the requests apart. A call that fails (404 for a
path the relay does not serve, a client that refuses the URL) is expected: the request, if any,
has arrived by then. Prints one line per case: the key and "ok" or the error's class.
"""
import json
import os
import sys

job = json.loads(sys.argv[1])
client, protocol, model = job["client"], job["protocol"], job["model"]
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
for name in list(os.environ):
    if name.startswith(("OPENAI_", "ANTHROPIC_", "GOOGLE_", "GEMINI_")):
        del os.environ[name]


def openai_sdk(base, key):
    from openai import OpenAI

    sdk = OpenAI(base_url=base, api_key=key, max_retries=0)
    if protocol == "openai-responses":
        sdk.responses.create(model=model, input="hi")
    else:
        sdk.chat.completions.create(model=model, messages=[{"role": "user", "content": "hi"}])


def anthropic_sdk(base, key):
    from anthropic import Anthropic

    Anthropic(base_url=base, api_key=key, max_retries=0).messages.create(
        model=model, max_tokens=16, messages=[{"role": "user", "content": "hi"}])


def genai_sdk(base, key):
    # No api_version: the SDK's own default, which moved from v1beta (< 3) to v1 (3.x).
    from google import genai
    from google.genai import types

    sdk = genai.Client(api_key=key, http_options=types.HttpOptions(base_url=base))  # kept: 3.x closes it when freed
    sdk.models.generate_content(model=model, contents="hi")


def openai_env(base, key):
    os.environ["OPENAI_BASE_URL"], os.environ["OPENAI_API_KEY"] = base, key
    from openai import OpenAI

    OpenAI(max_retries=0).chat.completions.create(model=model, messages=[{"role": "user", "content": "hi"}])


def anthropic_env(base, key):
    os.environ["ANTHROPIC_BASE_URL"], os.environ["ANTHROPIC_API_KEY"] = base, key
    from anthropic import Anthropic

    Anthropic(max_retries=0).messages.create(model=model, max_tokens=16, messages=[{"role": "user", "content": "hi"}])


def genai_env(base, key):
    # As the set-up's .env has it: the base URL, the key and the catalog's pinned API version.
    os.environ["GOOGLE_GEMINI_BASE_URL"], os.environ["GEMINI_API_KEY"] = base, key
    os.environ["GOOGLE_GENAI_API_VERSION"] = job["apiVersion"]
    from google import genai

    sdk = genai.Client()
    sdk.models.generate_content(model=model, contents="hi")


def langchain(base, key):
    from langchain_openai import ChatOpenAI

    ChatOpenAI(model=model, base_url=base, api_key=key, max_retries=0).invoke("hi")


def llamaindex(base, key):
    from llama_index.core.llms import ChatMessage
    from llama_index.llms.openai_like import OpenAILike

    OpenAILike(model=model, api_base=base, api_key=key, is_chat_model=True, max_retries=0).chat(
        [ChatMessage(role="user", content="hi")])


def pydantic_ai(base, key):
    from pydantic_ai import Agent
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider
    from openai import AsyncOpenAI

    provider = OpenAIProvider(openai_client=AsyncOpenAI(base_url=base, api_key=key, max_retries=0))
    Agent(OpenAIChatModel(model, provider=provider)).run_sync("hi")


def openai_agents(base, key):
    from agents import Agent, Runner, set_default_openai_client, set_tracing_disabled
    from openai import AsyncOpenAI

    set_tracing_disabled(True)
    set_default_openai_client(AsyncOpenAI(base_url=base, api_key=key, max_retries=0), use_for_tracing=False)
    Runner.run_sync(Agent(name="Assistant", model=model), "hi")


def litellm(base, key):
    import litellm as lib

    prefix = "gemini/" if protocol == "gemini-generate" else "openai/"
    lib.completion(model=prefix + model, api_base=base, api_key=key, num_retries=0,
                   messages=[{"role": "user", "content": "hi"}])


run = {
    "openai": openai_sdk, "anthropic": anthropic_sdk, "google-genai": genai_sdk,
    "openai-env": openai_env, "anthropic-env": anthropic_env, "genai-env": genai_env,
    "langchain": langchain, "llamaindex": llamaindex, "pydantic-ai": pydantic_ai,
    "openai-agents": openai_agents, "litellm": litellm,
}[client]
for case in job["cases"]:
    try:
        run(case["baseURL"], case["key"])
        print(case["key"], "ok", flush=True)
    except BaseException as error:  # a 404 is the point of most cases
        print(case["key"], type(error).__name__, flush=True)
